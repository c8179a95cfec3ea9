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
public class LifecycleShapeTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Shaped.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Shaped.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t, Shaped.class.getName(),
                    "onMount must be declared as void onMount() with no parameters"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    static class Shaped {

        int n;

        io.smallrye.mutiny.Uni<Void> onMount() {
            n = 1;
            return io.smallrye.mutiny.Uni.createFrom().voidItem();
        }
    }
}
