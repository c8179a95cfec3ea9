package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.deployment.devmode.DevCounter;
import io.quarkus.test.QuarkusUnitTest;

/** A form token secret too short to be a key stops the application at start, naming the setting. */
public class FormTokenSecretTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(DevCounter.class).addAsResource(
                    new StringAsset("<div><p>{count}</p><button @click=\"increment\">+</button></div>"),
                    "templates/DevCounter.html"))
            .overrideRuntimeConfigKey("quarkus.live.form-token-secret", "too short")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause.getCause() != null && !String.valueOf(cause.getMessage()).contains("form-token-secret")) {
                    cause = cause.getCause();
                }
                assertTrue(String.valueOf(cause.getMessage()).contains("quarkus.live.form-token-secret must have at least 32"
                        + " characters; it has 9"), failure::toString);
            });

    @Test
    void theApplicationDoesNotStart() {
        // assertException above fails the test when the application starts
    }
}
