package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.live.root-path} moves the runtime script and the Server-Sent Events carrier, and the pages follow.
 */
public class CustomRootPathTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Moved.class)
                    .addAsResource(new StringAsset("<p>moved {n}</p>"), "templates/Moved.html"))
            .overrideConfigKey("quarkus.live.root-path", "/custom");

    @Test
    void runtimeIsServedUnderTheCustomRoot() {
        when().get("/custom/runtime.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"));
        when().get("/_live/runtime.js").then().statusCode(404);
    }

    @Test
    void sseCarrierIsServedUnderTheCustomRoot() {
        // Another site's request is refused by the carrier itself (403), which only a served route does
        given().header("Origin", "https://other.example").when().post("/custom/sse/some-id").then().statusCode(403);
        given().header("Origin", "https://other.example").when().post("/_live/sse/some-id").then()
                // No route takes this POST: the router answers 405, not the carrier's 403
                .statusCode(405);
    }

    @Test
    void pageLoadsTheRuntimeFromTheCustomRoot() {
        when().get("/moved")
                .then().statusCode(200)
                .body(containsString("moved 0</p>"))
                .body(matchesPattern(
                        "(?s).*<script type=\"module\" src=\"/custom/runtime\\.js(\\?v=[0-9a-f]+)?\"></script>.*"))
                .body(not(containsString("/_live/")));
    }

    @Live(path = "/moved")
    static class Moved {
        int n;
    }
}
