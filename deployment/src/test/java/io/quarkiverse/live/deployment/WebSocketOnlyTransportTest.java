package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.matchesPattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.live.transport=websocket} leaves the Server-Sent Events routes and the fallback carrier's script out
 * of the application, and tells the runtime to keep to the WebSocket.
 */
public class WebSocketOnlyTransportTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Plain.class)
                    .addAsResource(new StringAsset("<p>plain {n}</p>"), "templates/Plain.html"))
            .overrideConfigKey("quarkus.live.transport", "websocket");

    @Test
    void noSseRoutes() {
        // With the routes, another site's request would be refused by them with 403
        given().header("Origin", "https://other.example").when().get("/_live/sse").then().statusCode(404);
        given().header("Origin", "https://other.example").when().post("/_live/sse/some-id").then()
                // No route takes this POST: the router answers 405, not the carrier's 403
                .statusCode(405);
        when().get("/_live/fallback.js").then().statusCode(404);
    }

    @Test
    void theRuntimeIsToldToKeepToTheWebSocket() {
        when().get("/plain").then().statusCode(200)
                .body(matchesPattern("(?s).*<script type=\"module\" src=\"/_live/runtime\\.js\\?v=\\w+&t=ws\">.*"));
    }

    @Live(path = "/plain")
    static class Plain {
        int n;
    }
}
