package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.matchesPattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.live.transport=sse}: pages tell the runtime to start on Server-Sent Events ({@code &t=sse} in its
 * URL), and the fallback carrier's script is served for it to load.
 */
public class SseTransportTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Plain.class)
                    .addAsResource(new StringAsset("<p>plain {n}</p>"), "templates/Plain.html"))
            .overrideConfigKey("quarkus.live.transport", "sse");

    @Test
    void theRuntimeIsToldToStartOnServerSentEvents() {
        when().get("/plain").then().statusCode(200)
                .body(matchesPattern("(?s).*<script type=\"module\" src=\"/_live/runtime\\.js\\?v=\\w+&t=sse\">.*"));
        when().get("/_live/fallback.js").then().statusCode(200);
    }

    @Live(path = "/plain")
    static class Plain {
        int n;
    }
}
