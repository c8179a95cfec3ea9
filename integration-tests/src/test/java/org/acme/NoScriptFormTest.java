package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The no-JavaScript path over plain HTTP, as a browser without JavaScript uses it: a form or a button posts to the
 * component, the server runs the handler and redirects back (303), and the page shows the component the post changed.
 * Posts without the page's token, from another site or from another browser are refused and change nothing. Java's
 * HttpClient asks for HTTP/2 (h2c), whose requests name their host in {@code :authority} rather than {@code Host}:
 * the origin check reads it there.
 */
@QuarkusTest
class NoScriptFormTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]* action=\"([^\"]+)\"");
    /** A button's call, and the component's own form that a button outside any form submits it through. */
    private static final Pattern BUTTON_CALL = Pattern.compile("name=\"_live_call\" value=\"([^\"]+)\"");
    private static final Pattern OWN_FORM = Pattern.compile("<form id=\"live-[^\"]+\" method=\"post\" action=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Cookie", cookie).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the fields as a browser posts a form of the page at {@code page}; extra headers replace the usual. */
    private HttpResponse<String> post(String action, Map<String, String> fields, String cookie, String page,
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

    private static String first(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertTrue(matcher.find(), "no " + pattern + " in " + html);
        return matcher.group(1).replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** Posts and follows the redirect, as the browser does; returns the page it lands on. */
    private String postAndFollow(String action, Map<String, String> fields, String cookie, String page)
            throws Exception {
        HttpResponse<String> posted = post(action, fields, cookie, page);
        assertEquals(303, posted.statusCode(), posted.body() + " for " + action);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertEquals(page, location);
        HttpResponse<String> landed = get(location, cookie);
        assertEquals(200, landed.statusCode());
        return landed.body();
    }

    @Test
    void theTodoFlowWorksWithFormPostsAndRedirects() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        String page = get("/todos", cookie).body();
        page = postAndFollow(first(FORM_ACTION, page), Map.of("text", "Milk"), cookie, "/todos");
        assertTrue(page.contains("<span>Milk</span>"), page);
        page = postAndFollow(first(FORM_ACTION, page), Map.of("text", "Bread"), cookie, "/todos");
        assertTrue(page.contains("<span>Milk</span>") && page.contains("<span>Bread</span>"), page);
        assertTrue(page.contains("2 left"), page);
        // The first Remove button, Milk's, which is in no form: through the component's own
        page = postAndFollow(first(OWN_FORM, page), Map.of("_live_call", first(BUTTON_CALL, page)), cookie, "/todos");
        assertFalse(page.contains("<span>Milk</span>"), page);
        assertTrue(page.contains("<span>Bread</span>"), page);
    }

    @Test
    void validationMessagesShowNextToTheirFieldsAfterTheRedirect() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        String action = first(FORM_ACTION, get("/signup", cookie).body());
        assertTrue(action.contains("bool=terms"), action);
        String page = postAndFollow(action, Map.of("name", "", "email", "not an email", "age", "12", "plan", ""),
                cookie, "/signup");
        assertTrue(page.matches("(?s).*id=\"error-email\">[^<]+</span>.*"), page);
        assertTrue(page.matches("(?s).*id=\"error-terms\">[^<]+</span>.*"), page);
        assertTrue(page.contains("0 saved"), page);

        page = postAndFollow(first(FORM_ACTION, page), Map.of("name", "Ada", "email", "ada@example.com", "age", "36",
                "plan", "PRO", "terms", "on"), cookie, "/signup");
        assertTrue(page.contains("Welcome, Ada!"), page);
        assertTrue(page.contains("1 saved"), page);
    }

    @Test
    void postsWithoutThePagesTokenFromAnotherSiteOrBrowserAreRefusedAndChangeNothing() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        String action = first(FORM_ACTION, get("/todos", cookie).body());
        String forged = action.replaceFirst("\\.[A-Za-z0-9_-]{22}\\?", ".AAAAAAAAAAAAAAAAAAAAAA?");
        assertEquals(403, post(forged, Map.of("text", "forged"), cookie, "/todos").statusCode());
        assertEquals(403, post(action.replaceFirst("\\.[A-Za-z0-9_-]{22}\\?", "?"), Map.of("text", "no token"),
                cookie, "/todos").statusCode());
        assertEquals(403, post(action, Map.of("text", "cross-site"), cookie, "/todos", "Origin",
                "https://other.example", "Sec-Fetch-Site", "cross-site").statusCode());
        // A cross-site form post sends no Origin in some browsers, but says where it comes from
        assertEquals(403, post(action, Map.of("text", "cross-site"), cookie, "/todos", "Sec-Fetch-Site",
                "cross-site", "Origin", "null").statusCode());
        assertEquals(403, post(action, Map.of("text", "other browser"), LiveClient.newAttackerCookie(), "/todos")
                .statusCode());
        assertEquals(413, post(action, Map.of("text", "x".repeat(70_000)), cookie, "/todos").statusCode());

        String page = postAndFollow(action, Map.of("text", "The only one"), cookie, "/todos");
        assertTrue(page.contains("<span>The only one</span>"), page);
        assertEquals(1, page.split("<li id=\"todo-").length - 1, "the refused posts added nothing: " + page);
    }

    @Test
    void aCallThatIsNotOneAPageCarriesIsRefusedWith400() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        String action = first(FORM_ACTION, get("/todos", cookie).body());
        assertEquals(400, post(action.replaceFirst("call=[^&]*", "call=add%28"), Map.of(), cookie, "/todos")
                .statusCode());
        assertEquals(400, post(action.replaceFirst("call=[^&]*", "call=noSuchHandler"), Map.of(), cookie, "/todos")
                .statusCode());
        assertEquals(400, post(action.replaceFirst("call=[^&]*", ""), Map.of(), cookie, "/todos").statusCode());
    }
}
