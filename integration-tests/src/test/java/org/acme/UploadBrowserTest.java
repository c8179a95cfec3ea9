package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The attachments demo in headless Chromium: files uploaded in chunks with their progress shown, refused before a byte
 * is sent when too large or of the wrong type, and cancelled while under way.
 */
@QuarkusTest
class UploadBrowserTest extends BrowserTestBase {

    private static byte[] bytes(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return content;
    }

    /** Records every text the progress shows, however briefly, in the page. */
    private static void recordProgress(Page page) {
        page.evaluate("() => { window.seen = []; new MutationObserver(() => { const p = document.querySelector("
                + "'.percent'); if (p) window.seen.push(p.textContent); }).observe(document.body, "
                + "{ subtree: true, childList: true, characterData: true }); }");
    }

    /**
     * Chromium sends at most {@code bytesPerSecond} upstream, as on a slow uplink: on loopback a file's chunks can all
     * arrive before the first progress render, which the server coalesces, reaches the page.
     */
    private static void throttleUploads(Page page, int bytesPerSecond) {
        CDPSession devTools = page.context().newCDPSession(page);
        devTools.send("Network.enable");
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", 0);
        conditions.addProperty("downloadThroughput", -1);
        conditions.addProperty("uploadThroughput", bytesPerSecond);
        devTools.send("Network.emulateNetworkConditions", conditions);
    }

    @Test
    void filesAreUploadedWithTheirProgressAndAttachedWhole() {
        Page page = open("/attachments");
        recordProgress(page);
        // 600 KB in about 2 s: several chunks, each followed by a render of the progress
        throttleUploads(page, 300_000);
        page.locator("input[type=file]").setInputFiles(new FilePayload[] {
                new FilePayload("notes.txt", "text/plain", bytes(600_000)),
                new FilePayload("dot.png", "image/png", "not really a png".getBytes(StandardCharsets.UTF_8)) });
        page.locator("button[type=submit]").click();

        assertThat(page.locator(".attached li")).hasCount(2);
        assertThat(page.locator(".attached li").first()).containsText("notes.txt 600000 bytes");
        assertThat(page.locator(".attached li").last()).containsText("dot.png 16 bytes");
        assertThat(page.locator(".progress")).hasCount(0);
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) page.evaluate("() => window.seen");
        assertTrue(seen.stream().map(text -> Integer.parseInt(text.replace("%", ""))).anyMatch(p -> p > 0 && p < 100),
                "the progress showed a step between 0 and 100: " + seen);
        assertNoReload(page);
    }

    @Test
    void aFileTooLargeOrOfTheWrongTypeIsRefusedBeforeAByteIsSent() {
        Page page = open("/attachments");
        List<String> chunks = new ArrayList<>();
        page.onRequest(request -> {
            if (request.method().equals("PUT")) {
                chunks.add(request.url());
            }
        });
        page.locator("input[type=file]").setInputFiles(new FilePayload("big.png", "image/png", bytes(1_200_000)));
        page.locator("button[type=submit]").click();
        assertThat(page.locator("#error-documents")).hasText("big.png is larger than 1 MB");

        page.locator("input[type=file]").setInputFiles(new FilePayload("setup.exe", "application/x-msdownload",
                bytes(10)));
        page.locator("button[type=submit]").click();
        assertThat(page.locator("#error-documents"))
                .hasText("setup.exe is not of an accepted type: image/png, image/jpeg, .txt");
        assertThat(page.locator(".attached li")).hasCount(0);
        assertEquals(List.of(), chunks, "no chunk was sent");
    }

    @Test
    void aCancelledUploadStopsAndLeavesNothing() {
        Page page = open("/attachments");
        // The first chunk is held on its way, so that the upload is under way when Cancel is clicked
        List<Route> held = new ArrayList<>();
        page.route("**/upload/**", route -> {
            if (route.request().method().equals("PUT")) {
                held.add(route);
            } else {
                route.resume();
            }
        });
        page.locator("input[type=file]").setInputFiles(new FilePayload("notes.txt", "text/plain", bytes(300_000)));
        page.locator("button[type=submit]").click();
        assertThat(page.locator(".progress")).containsText("0%");
        page.waitForCondition(() -> !held.isEmpty());

        page.locator("[data-cancel-upload=documents]").click();
        assertThat(page.locator(".progress")).hasCount(0);
        assertThat(page.locator(".attached li")).hasCount(0);
        held.forEach(Route::abort);
        assertNoReload(page);
    }

    @Test
    void anUploadWhoseChunksDoNotGetThroughSaysSo() {
        Page page = open("/attachments");
        // Every chunk fails on its way, as behind a proxy that refuses them
        page.route("**/upload/**", route -> {
            if (route.request().method().equals("PUT")) {
                route.abort();
            } else {
                route.resume();
            }
        });
        page.locator("input[type=file]").setInputFiles(new FilePayload("notes.txt", "text/plain", bytes(1000)));
        page.locator("button[type=submit]").click();
        // Three tries, half a second apart and more, then the field says it
        assertThat(page.locator("#error-documents")).hasText("notes.txt did not get through; try again");
        assertThat(page.locator(".progress")).hasCount(0);
        assertThat(page.locator(".attached li")).hasCount(0);
        assertNoReload(page);
    }
}
