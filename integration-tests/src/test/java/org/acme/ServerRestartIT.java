package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    Process server;
    int port;

    @AfterEach
    void stop() throws Exception {
        stopServer();
    }

    @Test
    void thePageWorksAgainByItselfWithWhatTheUserTyped() throws Exception {
        port = freePort();
        startServer();
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + port + "/todos");
        Locator root = page.locator("[data-live-component=TodoList]");
        assertThat(root).hasClass(CONNECTED);
        page.evaluate("window.liveMarker = 'still here'");
        Locator input = page.locator("input[name=text]");
        input.fill("Before the restart");
        input.press("Enter");
        assertThat(page.locator("li")).hasCount(1);
        String firstId = root.getAttribute("data-live-id");

        input.fill("Typed while the server was down");
        stopServer();
        assertThat(root).hasClass(DISCONNECTED);
        startServer();

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

    private void startServer() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the demo first (mvn verify runs this test after the package phase)");
        Path log = Path.of("target", "server-restart-it.log");
        server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/counter"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        server = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
