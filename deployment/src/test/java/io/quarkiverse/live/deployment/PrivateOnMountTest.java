package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A lifecycle method the extension could not call fails the build instead of being silently skipped.
 */
public class PrivateOnMountTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Hidden.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Hidden.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t, Hidden.class.getName(),
                    "onMount() must not be private"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    static class Hidden {

        int n;

        private void onMount() {
            n = 1;
        }
    }
}
