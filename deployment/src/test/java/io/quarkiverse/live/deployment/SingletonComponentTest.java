package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @Singleton} would give every user the same component instance, and so the same state: the build refuses it.
 */
public class SingletonComponentTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(One.class)
                    .addAsResource(new StringAsset("<p>{count}</p>"), "templates/One.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t, One.class.getName(), "Singleton"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    @Singleton
    static class One {
        int count;
    }
}
