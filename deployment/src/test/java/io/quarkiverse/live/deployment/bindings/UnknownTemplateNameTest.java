package io.quarkiverse.live.deployment.bindings;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class UnknownTemplateNameTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = BuildFailure.of("""
            <div>
                <p>{cout}</p>
            </div>
            """,
            "Widget.html:2: {cout}: Widget has no field or method 'cout'; did you mean 'count'?");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
