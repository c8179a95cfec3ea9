package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.Shared;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @Shared} fields that could not work fail the build, each named: a final one (the runtime replaces the value),
 * two of one key with different types (each reads the other's JSON as its own type), one outside a component.
 */
public class SharedFieldRulesTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Room.class, OtherRoom.class, NotAComponent.class)
                    .addAsResource(new StringAsset("<p>{messages.size}</p>"), "templates/Room.html")
                    .addAsResource(new StringAsset("<p>{messages}</p>"), "templates/OtherRoom.html"))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t,
                    "@Shared field Room.frozen must not be final",
                    "@Shared fields OtherRoom.messages (java.lang.String) and Room.messages"
                            + " (java.util.List<java.lang.String>) share the key 'room' but not the type",
                    "@Shared field " + NotAComponent.class.getName() + ".value must be an instance field of a @Live"
                            + " component"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    static class Room {

        @Shared("room")
        List<String> messages;

        @Shared
        final String frozen = "no";
    }

    @Live
    static class OtherRoom {

        @Shared("room")
        String messages;
    }

    static class NotAComponent {

        @Shared
        String value;
    }
}
