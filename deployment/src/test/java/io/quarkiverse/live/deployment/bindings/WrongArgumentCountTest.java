package io.quarkiverse.live.deployment.bindings;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class WrongArgumentCountTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = BuildFailure.of("""
            <div>
                <button @click="add(1, 2)">+</button>
            </div>
            """,
            "Widget.html:2: @click=\"add(1, 2)\": Widget.add(int amount) takes 1 argument(s), the template passes 2");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
