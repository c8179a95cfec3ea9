package io.quarkiverse.live.deployment.bindings;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class ValuelessEventAttributeTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = BuildFailure.of("""
            <div>
                <p>Write to us @home or @work = soon</p>
                <form @submit.prevent><button>Go</button></form>
            </div>
            """,
            "Widget.html:3: @submit.prevent: an event attribute names the handler to call");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
