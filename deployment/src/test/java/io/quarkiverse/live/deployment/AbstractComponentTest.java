package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A component is instantiated per mount, so it must be a concrete class.
 */
public class AbstractComponentTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Base.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Base.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t, Base.class.getName(),
                    "must be a concrete class"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    abstract static class Base {
        int n;
    }
}
