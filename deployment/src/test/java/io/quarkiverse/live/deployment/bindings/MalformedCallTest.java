package io.quarkiverse.live.deployment.bindings;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class MalformedCallTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = BuildFailure.of("""
            <div>
                <button data-live-click="add(1">+</button>
            </div>
            """,
            "Widget.html:2: data-live-click=\"add(1\": not a handler call");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
