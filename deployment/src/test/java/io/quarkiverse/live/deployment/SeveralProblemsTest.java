package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Every problem is reported at once, across components, so one build shows all there is to fix.
 */
public class SeveralProblemsTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(First.class, Second.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/First.html")
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Second.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t,
                    "Found 3 problems in live components",
                    First.class.getName() + ": @Live(path = \"first\") must start with '/'",
                    First.class.getName() + ": onUnmount() must not be private",
                    Second.class.getName() + ": parameter 'task' of handler run()"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live(path = "first")
    static class First {

        int n;

        private void onUnmount() {
            n = 0;
        }
    }

    @Live
    static class Second {

        int n;

        void run(Runnable task) {
            task.run();
        }
    }
}
