package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A template named with {@code @Live(template = ...)} is type-checked against its component too.
 */
public class OverriddenTemplateTypeCheckTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Elsewhere.class)
                    .addAsResource(new StringAsset("<p>{count}\n{count.nope}</p>"), "templates/parts/elsewhere.html"))
            .assertException(t -> {
                String messages = LiveFailures.allMessages(t);
                assertTrue(messages.contains("parts/elsewhere.html:2"), messages);
                assertTrue(messages.contains("{count.nope}"), messages);
                assertTrue(messages.contains("java.lang.Integer"), messages);
            });

    @Test
    void test() {
        fail("should not start");
    }

    @Live(template = "parts/elsewhere.html")
    static class Elsewhere {
        int count;
    }
}
