package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A component template is type-checked against the component's state: a property the field's type does not have fails
 * the build, even when the field is private.
 */
public class TemplateTypeCheckTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Checked.class)
                    .addAsResource(new StringAsset("<p>{name.length} {name.lenght}</p>"), "templates/Checked.html"))
            .assertException(t -> {
                String messages = LiveFailures.allMessages(t);
                assertTrue(messages.contains("name.lenght"), messages);
                assertTrue(messages.contains("Checked.html"), messages);
                assertTrue(messages.contains("java.lang.String"), messages);
            });

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    static class Checked {
        private String name = "x";
    }
}
