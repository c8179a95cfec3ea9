package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Two components at the same page path would leave one of them silently unreachable: the build names both.
 */
public class DuplicatePagePathTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(First.class, Second.class)
                    .addAsResource(new StringAsset("<p>first</p>"), "templates/First.html")
                    .addAsResource(new StringAsset("<p>second</p>"), "templates/Second.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t, First.class.getName(),
                    Second.class.getName(), "\"/same\""));

    @Test
    void test() {
        fail("should not start");
    }

    @Live(path = "/same")
    static class First {
    }

    @Live(path = "/same")
    static class Second {
    }
}
