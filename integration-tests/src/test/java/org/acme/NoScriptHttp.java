package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, over plain HTTP: it loads pages, posts their forms with the headers a browser sends,
 * and follows the redirect back. Java's HttpClient asks for HTTP/2 (h2c), whose requests name their host in
 * {@code :authority} rather than {@code Host}: the origin check reads it there.
 */
final class NoScriptHttp {

    static final Pattern FORM_ACTION = Pattern.compile("<form[^>]* action=\"([^\"]+)\"");
    /** A button's call, and the component's own form that a button outside any form submits it through. */
    static final Pattern BUTTON_CALL = Pattern.compile("name=\"_live_call\" value=\"([^\"]+)\"");
    static final Pattern OWN_FORM = Pattern.compile("<form id=\"live-[^\"]+\" method=\"post\" action=\"([^\"]+)\"");

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    NoScriptHttp(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Cookie", cookie).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the fields as a browser posts a form of the page at {@code page}; extra headers replace the usual. */
    HttpResponse<String> post(String action, Map<String, String> fields, String cookie, String page,
            String... headers) throws Exception {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(action)).timeout(TIMEOUT)
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base.getScheme() + "://" + base.getAuthority())
                .header("Referer", base.resolve(page).toString()).header("Sec-Fetch-Site", "same-origin");
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts and follows the redirect, as the browser does; returns the page it lands on. */
    String postAndFollow(String action, Map<String, String> fields, String cookie, String page) throws Exception {
        HttpResponse<String> posted = post(action, fields, cookie, page);
        assertEquals(303, posted.statusCode(), posted.body() + " for " + action);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertEquals(page, location);
        HttpResponse<String> landed = get(location, cookie);
        assertEquals(200, landed.statusCode());
        return landed.body();
    }

    /** The first match's group, as the browser reads the attribute. */
    static String first(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertTrue(matcher.find(), "no " + pattern + " in " + html);
        return matcher.group(1).replace("&quot;", "\"").replace("&amp;", "&");
    }
}
