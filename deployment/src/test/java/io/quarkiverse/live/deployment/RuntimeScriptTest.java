package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The browser runtime is served even by an application without components (pages may embed them later), under the
 * default root path, with the fallback carrier's script beside it; the dev-mode script is not served outside dev mode.
 */
public class RuntimeScriptTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest().withEmptyApplication();

    @Test
    void runtimeIsServedAsJavaScript() {
        when().get("/_live/runtime.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(not(emptyOrNullString()));
    }

    @Test
    void theFallbackCarrierIsServedBesideIt() {
        when().get("/_live/fallback.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("EventSource"));
    }

    @Test
    void theDevModeScriptExistsOnlyInDevMode() {
        when().get("/_live/dev.js").then().statusCode(404);
    }

    @Test
    void nothingElseIsServedUnderTheRoot() {
        when().get("/_live/nothing.js").then().statusCode(404);
    }
}
