package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The server is stopped and started again under an open page: the packaged demo runs as a process of its own, which
 * the test stops and starts again on the same port, while Chromium keeps the page open.
 */
class ServerRestartIT extends BrowserTestBase {

    private static final Pattern DISCONNECTED = Pattern.compile("\\blive-disconnected\\b");
    private static final Pattern CONNECTED = Pattern.compile("\\blive-connected\\b");

    AppNode server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void thePageWorksAgainByItselfWithWhatTheUserTyped() throws Exception {
        server = new AppNode("server-restart-it", List.of()).start();
        Page page = context.newPage();
        page.navigate(server.uri("/todos").toString());
        Locator root = page.locator("[data-live-component=TodoList]");
        assertThat(root).hasClass(CONNECTED);
        page.evaluate("window.liveMarker = 'still here'");
        Locator input = page.locator("input[name=text]");
        input.fill("Before the restart");
        input.press("Enter");
        assertThat(page.locator("li")).hasCount(1);
        String firstId = root.getAttribute("data-live-id");

        input.fill("Typed while the server was down");
        server.stop();
        assertThat(root).hasClass(DISCONNECTED);
        server.start(); // the same port again

        // A fresh component from the new server, with what the user typed still in its field
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !firstId.equals(root.getAttribute("data-live-id")));
        assertThat(root).hasClass(CONNECTED);
        assertThat(page.locator("li")).hasCount(0);
        assertThat(input).hasValue("Typed while the server was down");
        input.press("Enter");
        assertThat(page.locator("li span")).hasText("Typed while the server was down");
        assertEquals("still here", page.evaluate("window.liveMarker"), "no full reload");
        assertNotEquals(firstId, root.getAttribute("data-live-id"));
    }
}
