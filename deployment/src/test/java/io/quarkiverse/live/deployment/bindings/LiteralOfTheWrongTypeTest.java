package io.quarkiverse.live.deployment.bindings;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class LiteralOfTheWrongTypeTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = BuildFailure.of("""
            <div>
                <button @click="add('x')">+</button>
            </div>
            """,
            "Widget.html:2: @click=\"add('x')\": argument 1 ('x') cannot be passed to parameter 'amount' of Widget.add: \"x\" is not a valid int");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
