package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Components are named by simple class name, so two with the same one fail the build.
 */
public class DuplicateSimpleNameTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root
                    .addClasses(io.quarkiverse.live.deployment.samename.a.Widget.class,
                            io.quarkiverse.live.deployment.samename.b.Widget.class)
                    .addAsResource(new StringAsset("<p>{a}</p>"), "templates/Widget.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t,
                    "io.quarkiverse.live.deployment.samename.a.Widget",
                    "io.quarkiverse.live.deployment.samename.b.Widget",
                    "same simple name 'Widget'", "rename one"));

    @Test
    void test() {
        fail("should not start");
    }
}
