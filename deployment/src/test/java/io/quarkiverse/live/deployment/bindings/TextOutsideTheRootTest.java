package io.quarkiverse.live.deployment.bindings;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A component renders exactly one root element, which the browser morphs; the build says so with file and line. */
class TextOutsideTheRootTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = BuildFailure.of("<div>{count}</div>\n{label}",
            "Widget.html:2: '{label}' stands outside the root element");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
