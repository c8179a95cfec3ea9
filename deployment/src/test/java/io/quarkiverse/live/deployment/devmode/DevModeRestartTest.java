package io.quarkiverse.live.deployment.devmode;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * The dev loop with a page open: a client that talks only over its live connection sees a saved template or class
 * within moments, without any HTTP request, and its component keeps its state across the restart.
 */
public class DevModeRestartTest {

    private static final int PORT = freePort();
    private static final String BROWSER = "dev-mode-browser-01234";
    private static final Pattern ID = Pattern.compile("data-live-id=\"([^\"]+)\"");

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClass(DevCounter.class)
                    .addAsResource(new StringAsset("<div><p>Count: {count}</p><p>History: {history}</p>"
                            + "<button @click=\"increment\">+</button></div>"), "templates/DevCounter.html")
                    // Whole HTML in every answer, so the client needs no copy to apply edits to
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\nquarkus.live.diff=html\n"),
                            "application.properties"));

    @Test
    void templateAndClassEditsKeepTheCount() throws Exception {
        String page = RestAssured.given().port(PORT).header("Cookie", "live-browser=" + BROWSER).get("/dev-counter")
                .then().statusCode(200).extract().asString();
        Matcher matcher = ID.matcher(page);
        assertTrue(matcher.find(), page);
        String id = matcher.group(1);

        try (ReconnectingClient client = new ReconnectingClient(PORT, BROWSER)) {
            client.join(id);
            String build = client.received().get(0).message().getString("build");
            for (int seq = 1; seq <= 7; seq++) {
                JsonObject answer = client.event(seq, "increment");
                assertEquals("ok", answer.getString("t"), () -> answer.encode() + " after " + client.received());
            }

            // (a) The template changes: no HTTP request from here on; the client's live connection starts the look
            // at the saved template, which shows it on the open connection, and then the scan, which restarts
            ReconnectingClient.Received update = null;
            long saved = 0;
            long connections = 0;
            String shown = "Count:";
            for (String word : List.of("Clicks:", "Taps:")) {
                String before = shown;
                connections = client.connections();
                test.modifyResourceFile("templates/DevCounter.html", html -> html.replace(before, word));
                saved = System.nanoTime();
                shown = word;
                ReconnectingClient.Received received = awaitHtml(client, word + " 7");
                if ("render".equals(received.message().getString("t")) && client.connections() == connections) {
                    update = received;
                    break;
                }
                // Saved while a scan was running, which saw the file and restarted before any look: the restart
                // brought the template. Once more, with that restart over
                long restarted = connections;
                await().atMost(Duration.ofSeconds(30)).until(() -> client.connections() > restarted
                        && rejoinedOnNewestConnection(client));
            }
            assertNotNull(update, "a saved template shows on the open connection: " + client.received());
            ReconnectingClient.Received preview = update;
            assertTrue(preview.message().getString("html").contains("History: [1, 2, 3, 4, 5, 6, 7]"),
                    preview.message().encode());

            // The restart behind it runs the build's checks; the rejoin's HTML is the new template's, state kept
            long before = connections;
            await().atMost(Duration.ofSeconds(30)).until(() -> client.connections() > before
                    && rejoinedOnNewestConnection(client));
            long closed = client.closedAtNanos().get(client.closedAtNanos().size() - 1);
            long hello = client.received().stream().filter(r -> "hello".equals(r.message().getString("t")))
                    .reduce((first, second) -> second).orElseThrow().atNanos();
            assertTrue(closed > preview.atNanos(), "the template showed before the restart closed the connection");
            System.out.printf("Template saved -> new HTML at the client: %d ms (on the open connection; the restart "
                    + "behind it closed the connection after %d ms, restarted application's hello after %d ms)%n",
                    millis(preview.atNanos() - saved), millis(closed - saved), millis(hello - saved));
            String word = shown;
            JsonObject rejoined = lastRejoin(client);
            assertNotNull(rejoined.getString("html"), () -> "a rejoin gets the whole HTML: " + client.received());
            assertTrue(rejoined.getString("html").contains(word + " 7"), rejoined.encode());
            assertTrue(rejoined.getString("html").contains("History: [1, 2, 3, 4, 5, 6, 7]"), rejoined.encode());
            assertEquals(build, lastHello(client).getString("build"), "a restart keeps the dev session's build id");

            // (b) The class gains a field and a handler: the rejoin resumes the count, the new field has its
            // initializer, the new handler can be called, and the event sequence goes on at 8
            long connectionsBefore = client.connections();
            test.modifySourceFile(DevCounter.class, source -> source.replace("    void increment() {",
                    "    int step = 10;\n\n    void addStep() {\n        count += step;\n    }\n\n"
                            + "    void increment() {"));
            await().atMost(Duration.ofSeconds(30)).until(() -> client.connections() > connectionsBefore
                    && rejoinedOnNewestConnection(client));
            JsonObject stepped = client.event(8, "addStep");
            assertEquals("ok", stepped.getString("t"), stepped.encode());
            assertTrue(stepped.getString("html").contains(word + " 17"), stepped.encode());
            JsonObject incremented = client.event(9, "increment");
            assertTrue(incremented.getString("html").contains(word + " 18"), incremented.encode());
            assertTrue(incremented.getString("html").contains("History: [1, 2, 3, 4, 5, 6, 7, 18]"),
                    incremented.encode());
        }
    }

    /** Waits for an answer or render whose HTML contains the text. */
    private static ReconnectingClient.Received awaitHtml(ReconnectingClient client, String text) {
        await().atMost(Duration.ofSeconds(30)).until(() -> findHtml(client, text).isPresent());
        return findHtml(client, text).orElseThrow();
    }

    private static Optional<ReconnectingClient.Received> findHtml(ReconnectingClient client, String text) {
        return client.received().stream()
                .filter(r -> r.message().getString("html") != null && r.message().getString("html").contains(text))
                .findFirst();
    }

    private static JsonObject lastHello(ReconnectingClient client) {
        List<JsonObject> hellos = client.received().stream().map(ReconnectingClient.Received::message)
                .filter(m -> "hello".equals(m.getString("t"))).toList();
        return hellos.get(hellos.size() - 1);
    }

    /** The answer to the rejoin on the newest connection; {@code null} before it came. */
    private static JsonObject lastRejoin(ReconnectingClient client) {
        List<JsonObject> messages = client.received().stream().map(ReconnectingClient.Received::message).toList();
        JsonObject rejoin = null;
        for (JsonObject message : messages) {
            if ("hello".equals(message.getString("t"))) {
                rejoin = null;
            } else if (rejoin == null && "ok".equals(message.getString("t")) && message.getString("token") != null) {
                rejoin = message;
            }
        }
        return rejoin;
    }

    /** Whether the last hello was followed by a rejoin's ok: the component is joined on the newest connection. */
    private static boolean rejoinedOnNewestConnection(ReconnectingClient client) {
        return lastRejoin(client) != null;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
