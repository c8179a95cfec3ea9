package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Under {@code quarkus.http.root-path} pages, the runtime script, the script tag that loads it and the Server-Sent
 * Events carrier all move together,
 * as JAX-RS resources and reactive routes do. Paths are written out in full here (no RestAssured base path).
 */
public class HttpRootPathTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UnderRoot.class)
                    .addAsResource(new StringAsset("<p>under root {n}</p>"), "templates/UnderRoot.html"))
            .overrideConfigKey("quarkus.http.root-path", "/app");

    @Test
    void runtimeIsServedUnderTheHttpRoot() {
        given().basePath("").when().get("/app/_live/runtime.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"));
    }

    @Test
    void pageIsServedUnderTheHttpRoot() {
        given().basePath("").when().get("/app/under-root")
                .then().statusCode(200)
                .body(containsString("under root 0</p>"));
        given().basePath("").when().get("/under-root").then().statusCode(404);
    }

    @Test
    void scriptTagPointsUnderTheHttpRoot() {
        given().basePath("").when().get("/app/under-root")
                .then().statusCode(200)
                .body(matchesPattern(
                        "(?s).*<script type=\"module\" src=\"/app/_live/runtime\\.js(\\?v=[0-9a-f]+)?\"></script>.*"));
    }

    @Test
    void sseCarrierIsServedUnderTheHttpRoot() {
        // Another site's request is refused by the carrier itself (403): no route would answer 404
        given().basePath("").header("Origin", "https://other.example").when().get("/app/_live/sse")
                .then().statusCode(403);
        given().basePath("").header("Origin", "https://other.example").when().post("/app/_live/sse/some-id")
                .then().statusCode(403);
        given().basePath("").header("Origin", "https://other.example").when().post("/_live/sse/some-id")
                .then().statusCode(404);
    }

    @Live(path = "/under-root")
    static class UnderRoot {
        int n;
    }
}
