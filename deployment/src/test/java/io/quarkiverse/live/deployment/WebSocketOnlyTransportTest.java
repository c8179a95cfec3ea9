package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.live.transport=websocket} leaves the Server-Sent Events routes out of the application.
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
        when().get("/plain").then().statusCode(200);
    }

    @Live(path = "/plain")
    static class Plain {
        int n;
    }
}
