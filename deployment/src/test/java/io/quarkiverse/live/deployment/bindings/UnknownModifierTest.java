package io.quarkiverse.live.deployment.bindings;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class UnknownModifierTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = BuildFailure.of("""
            <div>
                <button @click.prevnt="increment">+</button>
            </div>
            """,
            "Widget.html:2: @click.prevnt=\"increment\": unknown modifier '.prevnt'; did you mean 'prevent'?");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
