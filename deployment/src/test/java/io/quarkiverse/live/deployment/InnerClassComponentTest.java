package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A non-static inner class cannot be instantiated per mount: the build says how to fix it.
 */
public class InnerClassComponentTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Inner.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Inner.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t, Inner.class.getName(),
                    "is an inner class; make it static or top-level"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    class Inner {
        int n;
    }
}
