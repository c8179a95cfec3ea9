package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A component holds one user's state and is created per mount. A normal scope would share one instance between every
 * user, and its client proxy would hide the state from the generated accessors (the template would read the proxy's
 * own fields, never changed by handlers): the build refuses it.
 */
public class ScopedComponentTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Shared.class)
                    .addAsResource(new StringAsset("<p>{count}</p>"), "templates/Shared.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t, Shared.class.getName(), "ApplicationScoped"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    @ApplicationScoped
    static class Shared {

        int count;

        void inc() {
            count++;
        }
    }
}
