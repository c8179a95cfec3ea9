package io.quarkiverse.live.deployment.bindings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.deployment.LiveFailures;
import io.quarkus.test.QuarkusUnitTest;

class ReservedAndUppercaseEventTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(Widget.class).addAsResource(new StringAsset("""
                    <div>
                        <p>Mail me @home = soon</p>
                        <span @id="increment"></span>
                        <input @keyDown.enter="increment">
                    </div>
                    """), "templates/Widget.html"))
            .assertException(thrown -> {
                String message = LiveFailures.assertLiveBuildFailure(thrown,
                        "Widget.html:3: @id=\"increment\": @id would become data-live-id",
                        "Widget.html:4: @keyDown.enter=\"increment\": HTML lowercases attribute names, so the browser"
                                + " would listen for 'keydown'");
                assertFalse(message.contains("@home"), "text is no attribute: " + message);
            });

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
