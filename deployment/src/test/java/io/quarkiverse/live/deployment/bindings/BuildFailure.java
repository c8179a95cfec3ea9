package io.quarkiverse.live.deployment.bindings;

import java.util.function.Consumer;

import org.jboss.shrinkwrap.api.asset.StringAsset;

import io.quarkiverse.live.deployment.LiveFailures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A build of {@link Widget} with the given template, expected to fail with a message that contains the given text.
 */
final class BuildFailure {

    private BuildFailure() {
    }

    static QuarkusUnitTest of(String template, String expectedMessage) {
        return new QuarkusUnitTest()
                .withApplicationRoot(root -> root.addClass(Widget.class)
                        .addAsResource(new StringAsset(template), "templates/Widget.html"))
                .assertException(expect(expectedMessage));
    }

    static Consumer<Throwable> expect(String expectedMessage) {
        return thrown -> LiveFailures.assertLiveBuildFailure(thrown, expectedMessage);
    }
}
