package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.Shared;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A {@code @Shared} field whose type Jackson cannot write (it sees no properties) stops the application at start,
 * naming the field, instead of failing the first page that shows it.
 */
public class UnserializableSharedValueTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Vault.class, Opaque.class)
                    .addAsResource(new StringAsset("<p>{secret}</p>"), "templates/Vault.html"))
            .assertException(thrown -> {
                String messages = messages(thrown);
                assertTrue(messages.contains("@Shared field Vault.secret cannot be shared"), messages);
                assertTrue(messages.contains("Jackson cannot write"), messages);
            });

    private static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    static class Vault {

        @Shared
        Opaque secret = new Opaque();
    }

    static class Opaque {
        private int hidden;

        int peek() {
            return hidden;
        }
    }
}
