package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A root path written without the leading slash or with a trailing one means the same path.
 */
public class RootPathNormalizationTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Normalized.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Normalized.html"))
            .overrideConfigKey("quarkus.live.root-path", "assets/live/");

    @Test
    void rootIsNormalized() {
        when().get("/assets/live/runtime.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"));
        when().get("/normalized")
                .then().statusCode(200)
                .body(matchesPattern(
                        "(?s).*<script type=\"module\" src=\"/assets/live/runtime\\.js(\\?v=[0-9a-f]+)?\"></script>.*"));
    }

    @Live(path = "/normalized")
    static class Normalized {
        int n;
    }
}
