package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.transaction.Transactional;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * A handler, a lifecycle method or a component class that says both "on the event loop" and "off it" fails the build,
 * naming each of them.
 */
public class ContradictingExecutionModelTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Torn.class, TornClass.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Torn.html")
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/TornClass.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t,
                    Torn.class.getName() + ": save() is annotated both @NonBlocking and @Blocking",
                    Torn.class.getName() + ": onMount() is annotated both @NonBlocking and @RunOnVirtualThread",
                    Torn.class.getName() + ": store() is annotated both @NonBlocking and @Transactional",
                    "Live component " + TornClass.class.getName() + " is annotated both @NonBlocking and @Blocking"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    static class Torn {

        int n;

        @Blocking
        @NonBlocking
        void save() {
            n++;
        }

        @NonBlocking
        @Transactional
        void store() {
            n++;
        }

        @NonBlocking
        @RunOnVirtualThread
        void onMount() {
            n = 1;
        }
    }

    @Live
    @Blocking
    @NonBlocking
    static class TornClass {

        int n;

        void add() {
            n++;
        }
    }
}
