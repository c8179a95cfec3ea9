package org.acme;

import static org.acme.NoScriptHttp.BUTTON_CALL;
import static org.acme.NoScriptHttp.FORM_ACTION;
import static org.acme.NoScriptHttp.OWN_FORM;
import static org.acme.NoScriptHttp.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The no-JavaScript path over plain HTTP, as a browser without JavaScript uses it: a form or a button posts to the
 * component, the server runs the handler and redirects back (303), and the page shows the component the post changed.
 * Posts without the page's token, from another site or from another browser are refused and change nothing.
 */
@QuarkusTest
class NoScriptFormTest {

    @TestHTTPResource("/")
    URI base;

    private NoScriptHttp browser() {
        return new NoScriptHttp(base);
    }

    @Test
    void theTodoFlowWorksWithFormPostsAndRedirects() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        NoScriptHttp http = browser();
        String page = http.get("/todos", cookie).body();
        page = http.postAndFollow(first(FORM_ACTION, page), Map.of("text", "Milk"), cookie, "/todos");
        assertTrue(page.contains("<span>Milk</span>"), page);
        page = http.postAndFollow(first(FORM_ACTION, page), Map.of("text", "Bread"), cookie, "/todos");
        assertTrue(page.contains("<span>Milk</span>") && page.contains("<span>Bread</span>"), page);
        assertTrue(page.contains("2 left"), page);
        // The first Remove button, Milk's, which is in no form: through the component's own
        page = http.postAndFollow(first(OWN_FORM, page), Map.of("_live_call", first(BUTTON_CALL, page)), cookie,
                "/todos");
        assertFalse(page.contains("<span>Milk</span>"), page);
        assertTrue(page.contains("<span>Bread</span>"), page);
    }

    @Test
    void aComponentEmbeddedInAnOrdinaryPageComesBackWithItsState() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        NoScriptHttp http = browser();
        String page = http.get("/", cookie).body();
        assertTrue(page.contains("Count: 5"), page);
        // The counter's "+", a button in no form: through the component's own form, back to the index page
        page = http.postAndFollow(first(OWN_FORM, page), Map.of("_live_call", "increment"), cookie, "/");
        assertTrue(page.contains("Count: 6"), page);
        page = http.postAndFollow(first(OWN_FORM, page), Map.of("_live_call", "increment"), cookie, "/");
        assertTrue(page.contains("Count: 7"), page);
        // Loaded again without a post, the page embeds a fresh counter
        assertTrue(http.get("/", cookie).body().contains("Count: 5"));
    }

    @Test
    void aChildComponentComesBackInsideItsParent() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        NoScriptHttp http = browser();
        String page = http.get("/panel", cookie).body();
        // "Show the tally", then the tally's "+": each a button of its component, posted through its own form
        page = http.postAndFollow(formOf(page, "Panel"), Map.of("_live_call", "toggle"), cookie, "/panel");
        assertTrue(page.contains("tally-count\">0</output>"), page);
        page = http.postAndFollow(formOf(page, "Tally"), Map.of("_live_call", "increment"), cookie, "/panel");
        assertTrue(page.contains("tally-count\">1</output>"), page);
        assertTrue(page.contains("Hide the tally"), "the panel the tally is in, not a new one: " + page);
    }

    /** The action of the own form of the page's component of that class. */
    private static String formOf(String page, String component) {
        return first(Pattern.compile("<form id=\"live-[^\"]+\" method=\"post\" action=\"([^\"]*/form/" + component
                + "/[^\"]+)\""), page);
    }

    @Test
    void validationMessagesShowNextToTheirFieldsAfterTheRedirect() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        NoScriptHttp http = browser();
        String action = first(FORM_ACTION, http.get("/signup", cookie).body());
        assertTrue(action.contains("bool=terms"), action);
        String page = http.postAndFollow(action, Map.of("name", "", "email", "not an email", "age", "12", "plan", ""),
                cookie, "/signup");
        assertTrue(page.matches("(?s).*id=\"error-email\">[^<]+</span>.*"), page);
        assertTrue(page.matches("(?s).*id=\"error-terms\">[^<]+</span>.*"), page);
        assertTrue(page.contains("0 saved"), page);

        page = http.postAndFollow(first(FORM_ACTION, page), Map.of("name", "Ada", "email", "ada@example.com",
                "age", "36", "plan", "PRO", "terms", "on"), cookie, "/signup");
        assertTrue(page.contains("Welcome, Ada!"), page);
        assertTrue(page.contains("1 saved"), page);
    }

    @Test
    void postsWithoutThePagesTokenFromAnotherSiteOrBrowserAreRefusedAndChangeNothing() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        NoScriptHttp http = browser();
        String action = first(FORM_ACTION, http.get("/todos", cookie).body());
        String forged = action.replaceFirst("\\.[A-Za-z0-9_-]{22}\\?", ".AAAAAAAAAAAAAAAAAAAAAA?");
        assertEquals(403, http.post(forged, Map.of("text", "forged"), cookie, "/todos").statusCode());
        assertEquals(403, http.post(action.replaceFirst("\\.[A-Za-z0-9_-]{22}\\?", "?"), Map.of("text", "no token"),
                cookie, "/todos").statusCode());
        assertEquals(403, http.post(action, Map.of("text", "cross-site"), cookie, "/todos", "Origin",
                "https://other.example", "Sec-Fetch-Site", "cross-site").statusCode());
        // A cross-site form post sends no Origin in some browsers, but says where it comes from
        assertEquals(403, http.post(action, Map.of("text", "cross-site"), cookie, "/todos", "Sec-Fetch-Site",
                "cross-site", "Origin", "null").statusCode());
        assertEquals(403, http.post(action, Map.of("text", "other browser"), LiveClient.newAttackerCookie(), "/todos")
                .statusCode());
        assertEquals(413, http.post(action, Map.of("text", "x".repeat(70_000)), cookie, "/todos").statusCode());

        String page = http.postAndFollow(action, Map.of("text", "The only one"), cookie, "/todos");
        assertTrue(page.contains("<span>The only one</span>"), page);
        assertEquals(1, page.split("<li id=\"todo-").length - 1, "the refused posts added nothing: " + page);
    }

    @Test
    void aCallThatIsNotOneAPageCarriesIsRefusedWith400() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        NoScriptHttp http = browser();
        String action = first(FORM_ACTION, http.get("/todos", cookie).body());
        assertEquals(400, http.post(action.replaceFirst("call=[^&]*", "call=add%28"), Map.of(), cookie, "/todos")
                .statusCode());
        assertEquals(400, http.post(action.replaceFirst("call=[^&]*", "call=noSuchHandler"), Map.of(), cookie, "/todos")
                .statusCode());
        assertEquals(400, http.post(action.replaceFirst("call=[^&]*", ""), Map.of(), cookie, "/todos").statusCode());
    }
}
