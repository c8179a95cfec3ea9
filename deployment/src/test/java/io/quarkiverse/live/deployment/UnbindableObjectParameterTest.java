package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code Object} would let the client decide what a parameter is: not bindable. The bindable parameters of the same
 * handler are not reported.
 */
public class UnbindableObjectParameterTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Taker.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Taker.html"))
            .assertException(t -> {
                String message = LiveFailures.assertLiveBuildFailure(t, Taker.class.getName(),
                        "parameter 'what' of handler take()", "java.lang.Object");
                assertFalse(message.contains("'count'"), message);
                assertFalse(message.contains("'label'"), message);
            });

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    static class Taker {

        int n;

        void take(int count, Object what, String label) {
            n = count;
        }
    }
}
