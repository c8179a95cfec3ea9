package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.qute.Engine;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A field whose type is or contains a type variable is type-checked as its erasure, instead of failing the build
 * with a class named after the variable.
 */
public class GenericComponentTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Box.class)
                    .addAsResource(new StringAsset("<p>{value} {values.size}</p>"), "templates/Box.html"));

    @Inject
    Engine engine;

    @Test
    void rendersGenericState() {
        String html = engine.parse("{#live Box /}").render();
        assertTrue(html.contains(">v 2</p>"), html);
    }

    @Live
    static class Box<T> {

        T value;
        List<T> values = List.of();

        Box() {
            @SuppressWarnings("unchecked")
            T v = (T) "v";
            value = v;
            @SuppressWarnings("unchecked")
            List<T> two = (List<T>) List.of("a", "b");
            values = two;
        }
    }
}
