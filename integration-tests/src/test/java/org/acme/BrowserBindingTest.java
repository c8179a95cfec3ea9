package org.acme;

import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A page's components belong to the browser that rendered it: whoever else sees the page's HTML cannot join them, and
 * the page is never cached.
 */
@QuarkusTest
class BrowserBindingTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aPageGivesItsBrowserAnHttpOnlyCookieAndIsNotCached() {
        Response page = get("/counter");
        String cookie = page.getHeader("Set-Cookie");
        assertNotNull(cookie, "a browser without the cookie gets one");
        assertTrue(cookie.startsWith("live-browser="), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly") && cookie.contains("SameSite=Lax"), cookie);
        assertEquals("no-store", page.getHeader("Cache-Control"));
        Response again = io.restassured.RestAssured.given().header("Cookie", LiveClient.BROWSER_COOKIE).get("/");
        assertEquals(null, again.getHeader("Set-Cookie"), "a browser that has one keeps it");
        assertEquals("no-store", again.getHeader("Cache-Control"), "a Qute page embedding a component too");
    }

    @Test
    void anotherBrowserCannotJoinAndTheRightOneStillCan() throws Exception {
        String id = LiveClient.mount("/counter");
        try (LiveClient other = LiveClient.connect(base, Map.of("Cookie", "live-browser=another-browser-0123456"));
                LiveClient noCookie = LiveClient.connect(base, Map.of("Cookie", "theme=dark"))) {
            ProtocolTest.assertError(other.join(id), "unknown-component");
            ProtocolTest.assertError(noCookie.join(id), "unknown-component");
        }
        try (LiveClient owner = LiveClient.connect(base)) {
            String token = owner.join(id).getString("token");
            assertTrue(owner.event(id, "increment").getString("html").contains("Count: 1"));
            try (LiveClient thief = LiveClient.connect(base, Map.of("Cookie", "live-browser=another-browser-0123456"))) {
                ProtocolTest.assertError(thief.rejoin(id, token), "unknown-component");
            }
            assertTrue(owner.event(id, "increment").getString("html").contains("Count: 2"), "the owner keeps it");
        }
    }
}
