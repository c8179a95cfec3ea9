package io.quarkiverse.live.deployment;

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
 * {@code quarkus.live.root-path=/} serves the runtime at {@code /runtime.js}. It must never produce
 * {@code src="//runtime.js"}: that is a protocol-relative URL, which a browser loads from a host named
 * {@code runtime.js}.
 */
public class SlashRootPathTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(AtRoot.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/AtRoot.html"))
            .overrideConfigKey("quarkus.live.root-path", "/");

    @Test
    void scriptTagIsNoProtocolRelativeUrl() {
        when().get("/at-root")
                .then().statusCode(200)
                .body(not(containsString("\"//")))
                .body(matchesPattern("(?s).*<script type=\"module\" src=\"/runtime\\.js(\\?v=[0-9a-f]+)?\"></script>.*"));
    }

    @Test
    void runtimeIsServedAtTheRoot() {
        when().get("/runtime.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"));
    }

    @Live(path = "/at-root")
    static class AtRoot {
        int n;
    }
}
