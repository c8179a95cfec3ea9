package io.quarkiverse.live.deployment.bindings;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A component renders exactly one root element, which the browser morphs; the build says so with file and line. */
class TwoRootElementsTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = BuildFailure.of("<div>a</div>\n<p>b</p>",
            "Widget.html:2: <p> is a second top-level element (the first, <div>, is on line 1)");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
