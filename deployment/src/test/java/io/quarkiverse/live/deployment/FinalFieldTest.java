package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.Engine;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A final field is state the template can read but nothing can set: not a prop, not a write.
 */
public class FinalFieldTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Frozen.class, LiveFailures.class)
                    .addAsResource(new StringAsset("<p>{title}:{n}</p>"), "templates/Frozen.html"));

    @Inject
    LiveComponents components;

    @Inject
    Engine engine;

    @Test
    void finalFieldIsReadableButNotWritable() {
        ComponentBinding binding = components.find("Frozen");
        assertEquals(Map.of("n", int.class), binding.writableFields());
        try (InstanceHandle<Frozen> handle = Arc.container().instance(Frozen.class)) {
            Frozen component = handle.get();
            assertEquals("T-42", binding.read(component, "title"));
            assertThrows(IllegalArgumentException.class, () -> binding.write(component, "title", "changed"));
            assertEquals("T-42", component.title);
        }
    }

    @Test
    void finalFieldIsRendered() {
        String html = engine.parse("{#live Frozen n=3 /}").render();
        assertTrue(html.contains("T-42:3</p>"), html);
    }

    @Test
    void finalFieldIsNoProp() {
        Exception e = assertThrows(Exception.class, () -> engine.parse("{#live Frozen title='x' /}").render());
        String messages = LiveFailures.allMessages(e);
        assertTrue(messages.contains("Frozen has no field 'title' a prop can set"), messages);
    }

    @Live
    static class Frozen {

        final String title;
        int n;

        Frozen() {
            title = "T-" + 42;
        }
    }
}
