package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A handler parameter of a type client input cannot be converted to fails the build, naming method, parameter and
 * type.
 */
public class UnbindableMapParameterTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Saver.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Saver.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t,
                    "Live component " + Saver.class.getName(),
                    "parameter 'items' of handler save()",
                    "java.util.Map<java.lang.String",
                    "cannot be bound"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    static class Saver {

        int n;

        void save(Map<String, String> items) {
            n = items.size();
        }
    }
}
