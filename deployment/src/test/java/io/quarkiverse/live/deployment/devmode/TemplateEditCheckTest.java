package io.quarkiverse.live.deployment.devmode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkiverse.live.runtime.dev.TemplateEdits;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A saved template whose event attributes the build would refuse is not shown before the restart (which reports it):
 * the check dev mode runs on it before showing it.
 */
public class TemplateEditCheckTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(DevCounter.class).addAsResource(
                    new StringAsset("<div><p>{count}</p><button @click=\"increment\">+</button></div>"),
                    "templates/DevCounter.html"));

    @Inject
    LiveComponents components;

    @Test
    void callsOfKnownHandlersWithTheirArgumentsPass() {
        assertNull(problem("<div><button @click=\"increment\">+</button>"
                + "<form @submit=\"increment\" @submit.disable-with=\"Counting...\"></form></div>"));
        assertNull(problem("<div><p>No bindings at all</p></div>"));
    }

    @Test
    void anUnknownHandlerOrAnotherArityIsReported() {
        assertEquals("DevCounter has no handler nosuch taking 0 argument(s)",
                problem("<div><button @click=\"nosuch\">+</button></div>"));
        assertEquals("DevCounter has no handler increment taking 1 argument(s)",
                problem("<div><button @click=\"increment(2)\">+</button></div>"));
        assertEquals("@click=\"increment(\" is not a handler call",
                problem("<div><button @click=\"increment(\">+</button></div>"));
    }

    private String problem(String template) {
        ComponentBinding counter = components.find("DevCounter");
        return TemplateEdits.bindingProblem(List.of(counter), template);
    }
}
