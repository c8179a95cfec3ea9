package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A page path must be absolute.
 */
public class PathWithoutSlashTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Relative.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Relative.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t, Relative.class.getName(),
                    "@Live(path = \"nostart\") must start with '/'"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live(path = "nostart")
    static class Relative {
        int n;
    }
}
