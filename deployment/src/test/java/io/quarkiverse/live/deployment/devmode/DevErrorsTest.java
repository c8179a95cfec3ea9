package io.quarkiverse.live.deployment.devmode;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * Errors as the browser meets them in dev mode: a template the build refuses turns every request into Quarkus' error
 * page, naming the file and line, which the dev-mode script shows over the page until the fixed page answers again;
 * a handler that threw is answered with its message and stack trace. Live pages load the dev-mode script.
 */
public class DevErrorsTest {

    private static final int PORT = freePort();
    // 22 characters, as the ids of the browser cookie the server sets
    private static final String BROWSER = "dev-errors-browser-012";
    private static final Pattern ID = Pattern.compile("data-live-id=\"([^\"]+)\"");
    private static final String TEMPLATE = "templates/DevTally.html";

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClass(DevTally.class)
                    .addAsResource(new StringAsset("<div>\n  <p>Count: {count}</p>\n"
                            + "  <button @click=\"increment\">+</button>\n</div>"), TEMPLATE)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"), "application.properties"));

    /**
     * One test in three steps: {@link QuarkusDevModeTest} starts a dev-mode session for each test method, which takes
     * longer on a small machine than all three steps together.
     */
    @Test
    void errorsShowInTheBrowser() throws Exception {
        pagesLoadTheDevScript();
        aHandlerThatThrowsIsAnsweredWithItsTrace();
        // Last: the fixed template restarts the application, which a step after it would wait for
        aBrokenBindingShowsTheErrorPageUntilItIsFixed();
    }

    private void aBrokenBindingShowsTheErrorPageUntilItIsFixed() {
        page().then().statusCode(200);

        test.modifyResourceFile(TEMPLATE, html -> html.replace("@click=\"increment\"", "@click=\"nosuch\""));
        // The request starts the scan; the restart fails the build, and every request gets Quarkus' error page
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> page().statusCode() == 500);
        page().then().statusCode(500)
                .body(containsString("DevTally.html:3:"))
                .body(containsString("nosuch"));

        test.modifyResourceFile(TEMPLATE, html -> html.replace("@click=\"nosuch\"", "@click=\"increment\""));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> page().statusCode() == 200);
        page().then().statusCode(200).body(containsString("Count: 0"));
    }

    private void pagesLoadTheDevScript() {
        String page = page().then().statusCode(200).extract().asString();
        Matcher script = Pattern.compile("<script type=\"module\" src=\"(/_live/dev\\.js\\?v=[0-9a-f]+)\"></script>")
                .matcher(page);
        assertTrue(script.find(), page);
        RestAssured.given().port(PORT).get(script.group(1)).then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("live:closed"));
    }

    private void aHandlerThatThrowsIsAnsweredWithItsTrace() throws Exception {
        String page = page().then().statusCode(200).extract().asString();
        Matcher id = ID.matcher(page);
        assertTrue(id.find(), page);
        try (ReconnectingClient client = new ReconnectingClient(PORT, BROWSER)) {
            JsonObject joined = client.join(id.group(1));
            assertEquals("ok", joined.getString("t"), joined.encode());
            JsonObject failed = client.event(1, "boom");
            assertEquals("handler-failed", failed.getString("code"), failed.encode());
            assertTrue(failed.getString("message").startsWith("DevTally.boom() failed: java.lang.IllegalStateException:"
                    + " the tally tipped over"), failed.encode());
            assertTrue(failed.getString("trace").contains("at io.quarkiverse.live.deployment.devmode.DevTally.boom("),
                    failed.encode());
            assertTrue(failed.getString("incident").matches("[0-9a-f]{8}"), failed.encode());
        }
    }

    private static io.restassured.response.Response page() {
        return RestAssured.given().port(PORT).header("Cookie", "live-browser=" + BROWSER).get("/dev-tally");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
