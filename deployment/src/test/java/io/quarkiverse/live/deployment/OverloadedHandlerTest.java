package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Templates name handlers by name only, so an overloaded handler fails the build.
 */
public class OverloadedHandlerTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Overloaded.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Overloaded.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t, Overloaded.class.getName(),
                    "handler 'add' is overloaded"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    static class Overloaded {

        int n;

        void add(int by) {
            n += by;
        }

        void add(int by, int times) {
            n += by * times;
        }
    }
}
