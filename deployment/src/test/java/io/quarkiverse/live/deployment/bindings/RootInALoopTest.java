package io.quarkiverse.live.deployment.bindings;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A component renders exactly one root element, which the browser morphs; the build says so with file and line. */
class RootInALoopTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = BuildFailure.of("{#for i in 3}<div>{i}</div>{/for}",
            "Widget.html:1: <div> is the root element of the component and must not be inside a loop");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
