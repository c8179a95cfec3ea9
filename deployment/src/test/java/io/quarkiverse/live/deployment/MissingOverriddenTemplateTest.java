package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code @Live(template = ...)} the named template must exist: the default one does not stand in for it.
 */
public class MissingOverriddenTemplateTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Misnamed.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Misnamed.html"))
            .assertException(t -> {
                String message = LiveFailures.assertLiveBuildFailure(t, Misnamed.class.getName(),
                        "has no template", "templates/pages/missing.html");
                assertFalse(message.contains("templates/Misnamed.html"), message);
            });

    @Test
    void test() {
        fail("should not start");
    }

    @Live(template = "pages/missing.html")
    static class Misnamed {
        int n;
    }
}
