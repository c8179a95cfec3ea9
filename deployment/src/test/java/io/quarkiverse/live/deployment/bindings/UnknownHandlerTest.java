package io.quarkiverse.live.deployment.bindings;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class UnknownHandlerTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = BuildFailure.of("""
            <div>
                <p>{count}</p>
                <button @click="incremnt">+</button>
            </div>
            """,
            "Widget.html:3: @click=\"incremnt\": Widget has no handler 'incremnt'; did you mean 'increment'?");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
