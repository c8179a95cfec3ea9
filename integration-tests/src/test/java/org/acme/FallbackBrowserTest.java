package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Pages behind a proxy that lets HTTP through but not WebSockets: a real proxy between Chromium and the server refuses
 * the upgrade, or holds it unanswered. The page comes alive over Server-Sent Events by itself, the tab keeps to them for
 * its next pages, and it moves back to a WebSocket once one gets through. Where the event stream fails too (the browser
 * aborts it, as a proxy that blocks {@code text/event-stream} would), the page goes on with long polling.
 */
@QuarkusTest
class FallbackBrowserTest extends BrowserTestBase {

    CuttableProxy proxy;
    /** The carrier requests every page of the test made: WebSocket URLs and the SSE stream's GETs. */
    final List<String> carriers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startProxy() {
        proxy = CuttableProxy.start(base.getHost(), base.getPort());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    /** Opens the page through the proxy, recording the carriers it uses, and waits until its components have joined. */
    private Page openThroughProxy(BrowserContext in, String path) {
        Page page = in.newPage();
        page.onWebSocket(socket -> carriers.add(socket.url()));
        page.onRequest(request -> {
            if (request.url().endsWith("/_live/sse") || request.url().endsWith("/_live/poll")) {
                carriers.add(request.url());
            }
        });
        page.navigate("http://127.0.0.1:" + proxy.port() + path);
        page.locator("[data-live-id]").first().waitFor();
        assertThat(page.locator("[data-live-id]:not(.live-connected)")).hasCount(0);
        return page;
    }

    private static void click(Page page, String text) {
        page.getByText(text, new Page.GetByTextOptions().setExact(true)).click();
    }

    private static void enter(Page page, String name) {
        page.getByLabel("Your name").fill(name);
        click(page, "Join");
        assertThat(page.locator("#chat-me")).hasText(name);
    }

    private long streams() {
        return carriers.stream().filter(url -> url.endsWith("/sse")).count();
    }

    private long polls() {
        return carriers.stream().filter(url -> url.endsWith("/poll")).count();
    }

    @Test
    void whereNeitherWebSocketsNorEventStreamsPassLongPollingCarriesThePage() {
        proxy.blockWebSockets(CuttableProxy.WebSockets.REFUSE);
        int[] aborted = { 0 };
        context.route("**/_live/sse", route -> {
            aborted[0]++;
            route.abort("connectionrefused");
        });
        Page page = openThroughProxy(context, "/todos");
        assertEquals(1, aborted[0], "one stream tried");
        assertEquals(1, polls(), carriers.toString());
        Locator input = page.getByLabel("New todo");
        input.fill("Carried by long polls");
        input.press("Enter");
        assertThat(page.locator("li span")).hasText("Carried by long polls");
        page.locator("li input[type=checkbox]").check();
        assertThat(page.locator("h2 small")).hasText("0 left");

        // The tab's next page starts on long polling: no WebSocket, no stream
        int blocked = proxy.blockedUpgrades();
        page.reload();
        page.locator("[data-live-id]").first().waitFor();
        assertThat(page.locator("[data-live-id]:not(.live-connected)")).hasCount(0);
        input.fill("After a reload");
        input.press("Enter");
        assertThat(page.locator("li span")).hasText("After a reload");
        assertEquals(blocked, proxy.blockedUpgrades());
        assertEquals(1, aborted[0]);
        assertEquals(2, polls(), carriers.toString());
    }

    @Test
    void aRefusedUpgradeFallsBackAndTheTabRemembersIt() {
        proxy.blockWebSockets(CuttableProxy.WebSockets.REFUSE);
        Page page = openThroughProxy(context, "/counter");
        assertTrue(proxy.blockedUpgrades() >= 1, "the page tried a WebSocket first");
        assertEquals(1, streams(), carriers.toString());
        click(page, "+");
        click(page, "+");
        assertThat(page.locator("h2")).hasText("Count: 2");

        // The next page of the tab starts on Server-Sent Events: no WebSocket to wait for
        int blocked = proxy.blockedUpgrades();
        page.reload();
        page.locator("[data-live-id]").first().waitFor();
        assertThat(page.locator("[data-live-id]:not(.live-connected)")).hasCount(0);
        click(page, "+");
        assertThat(page.locator("h2")).hasText("Count: 1");
        assertEquals(blocked, proxy.blockedUpgrades(), "no WebSocket tried again so soon");
        assertEquals(2, streams(), carriers.toString());
    }

    @Test
    void anUpgradeHeldUnansweredFallsBackAfterTwoAndAHalfSeconds() {
        proxy.blockWebSockets(CuttableProxy.WebSockets.HOLD);
        long start = System.nanoTime();
        Page page = openThroughProxy(context, "/todos");
        System.out.printf("Upgrade held by the proxy: the page came alive over Server-Sent Events after %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(1, proxy.blockedUpgrades());
        Locator input = page.getByLabel("New todo");
        input.fill("Carried by SSE");
        input.press("Enter");
        assertThat(page.locator("li span")).hasText("Carried by SSE");
        assertThat(input).hasValue("");
    }

    @Test
    void pushesFromOtherUsersArriveOverTheFallback() {
        proxy.blockWebSockets(CuttableProxy.WebSockets.REFUSE);
        Page behindProxy = openThroughProxy(context, "/chat");
        enter(behindProxy, "Bob " + UUID.randomUUID().toString().substring(0, 8));
        BrowserContext other = anotherUser();
        try {
            Page direct = open(other, "/chat");
            String name = "Ada " + UUID.randomUUID().toString().substring(0, 8);
            enter(direct, name);
            // Presence, pushed to the page on Server-Sent Events as the other user joins
            assertThat(behindProxy.locator("#here li", new Page.LocatorOptions().setHasText(name))).hasCount(1);
            String text = "Over the stream " + UUID.randomUUID();
            direct.getByLabel("Message").fill(text);
            click(direct, "Send");
            assertThat(behindProxy.locator(".messages li", new Page.LocatorOptions().setHasText(text))).hasCount(1);
        } finally {
            other.close();
        }
        assertEquals(1, streams(), carriers.toString());
    }

    @Test
    void aPageOnTheFallbackMovesBackToAWebSocketOnceOneGetsThrough() {
        proxy.blockWebSockets(CuttableProxy.WebSockets.REFUSE);
        Page page = context.newPage();
        // Time runs as usual, but the test can jump a minute ahead to the runtime's next WebSocket try
        page.clock().install();
        page.onWebSocket(socket -> carriers.add(socket.url()));
        page.navigate("http://127.0.0.1:" + proxy.port() + "/counter");
        assertThat(page.locator("[data-live-id]:not(.live-connected)")).hasCount(0);
        click(page, "+");
        assertThat(page.locator("h2")).hasText("Count: 1");
        int tried = carriers.size();

        proxy.blockWebSockets(CuttableProxy.WebSockets.PASS);
        page.clock().fastForward(61_000);
        // The try, then the connection the runtime moves to (Playwright reports events while the test waits in it)
        page.waitForCondition(() -> carriers.size() >= tried + 2);
        assertThat(page.locator("[data-live-id]:not(.live-connected)")).hasCount(0);
        click(page, "+");
        assertThat(page.locator("h2")).hasText("Count: 2");
        assertFalse(carriers.subList(tried, carriers.size()).stream().anyMatch(url -> url.endsWith("/sse")),
                carriers.toString());
    }
}
