package org.acme;

import static org.acme.NoScriptHttp.FORM_ACTION;
import static org.acme.NoScriptHttp.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A page without JavaScript left open past the time its component waits (a signup form filled in slowly): the post
 * is not lost. The page's component is mounted again and the post runs on it, with its validation; the browser lands
 * on a page that shows the outcome. The wait is cut short by destroying the component, which is what its expiry does.
 */
@QuarkusTest
class NoScriptLatePostTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    ComponentRegistry registry;

    @Test
    void aFormPostedAfterItsComponentIsGoneRunsOnTheComponentMountedAgain() throws Exception {
        NoScriptHttp http = new NoScriptHttp(base);
        String cookie = LiveClient.newAttackerCookie();
        String page = http.get("/signup", cookie).body();
        String gone = LiveClient.componentIds(page).get(0);
        expire(gone);

        page = http.postAndFollow(first(FORM_ACTION, page), Map.of("name", "Ada", "email", "ada@example.com",
                "age", "36", "plan", "PRO", "terms", "on"), cookie, "/signup");
        assertTrue(page.contains("Welcome, Ada!"), page);
        assertTrue(page.contains("1 saved"), page);
        String again = LiveClient.componentIds(page).get(0);
        assertNotEquals(gone, again, "a new component");

        // Refused input is answered with its messages, as on the first component; nothing is saved
        expire(again);
        page = http.postAndFollow(first(FORM_ACTION, page), Map.of("name", "", "email", "not an email", "age", "12",
                "plan", ""), cookie, "/signup");
        assertTrue(page.matches("(?s).*id=\"error-email\">[^<]+</span>.*"), page);
        assertTrue(page.contains("0 saved"), page);
    }

    @Test
    void aLatePostStillNeedsThePagesTokenAndBrowser() throws Exception {
        NoScriptHttp http = new NoScriptHttp(base);
        String cookie = LiveClient.newAttackerCookie();
        String page = http.get("/signup", cookie).body();
        expire(LiveClient.componentIds(page).get(0));
        String action = first(FORM_ACTION, page);
        int mounted = registry.size();

        assertEquals(403, http.post(action, Map.of("name", "Eve"), LiveClient.newAttackerCookie(), "/signup")
                .statusCode());
        assertEquals(403, http.post(action.replaceFirst("\\.[A-Za-z0-9_-]{22}\\?", ".AAAAAAAAAAAAAAAAAAAAAA?"),
                Map.of("name", "Eve"), cookie, "/signup").statusCode());
        // Other tests' waiting components may expire meanwhile, never more get mounted
        assertTrue(registry.size() <= mounted, "a refused post mounts nothing");
    }

    private void expire(String id) {
        MountedComponent component = registry.find(id);
        registry.destroy(component);
        assertNull(registry.find(id));
    }
}
