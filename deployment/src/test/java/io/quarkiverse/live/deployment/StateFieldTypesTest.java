package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
 * State fields of every kind of type get working accessors (wide primitives, arrays, generics, nested types) and the
 * component template type-checks against them.
 */
public class StateFieldTypesTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Types.class, Item.class, Color.class)
                    .addAsResource(new StringAsset("""
                            <div>
                            flag={flag} b={b} s={s} c={c} l={l} f={f} d={d} boxed={boxed} nothing={nothing ?: 'none'}
                            numbers={#for n in numbers}{n};{/for} names={names.length}
                            items={#for i in items}{i.toUpperCase};{/for} scores={scores.size}
                            item={item.name} color={color} total={total}
                            </div>"""), "templates/Types.html"));

    @Inject
    LiveComponents components;

    @Inject
    Engine engine;

    @Test
    void everyFieldIsWritableWithItsType() {
        Map<String, Class<?>> fields = components.find("Types").writableFields();
        assertSame(boolean.class, fields.get("flag"));
        assertSame(byte.class, fields.get("b"));
        assertSame(short.class, fields.get("s"));
        assertSame(char.class, fields.get("c"));
        assertSame(long.class, fields.get("l"));
        assertSame(float.class, fields.get("f"));
        assertSame(double.class, fields.get("d"));
        assertSame(Integer.class, fields.get("boxed"));
        assertSame(Long.class, fields.get("nothing"));
        assertSame(int[].class, fields.get("numbers"));
        assertSame(String[].class, fields.get("names"));
        assertSame(List.class, fields.get("items"));
        assertSame(Map.class, fields.get("scores"));
        assertSame(Item.class, fields.get("item"));
        assertSame(Color.class, fields.get("color"));
        assertEquals(15, fields.size(), fields::toString);
    }

    @Test
    void readsAndWritesEveryType() {
        ComponentBinding binding = components.find("Types");
        try (InstanceHandle<Types> handle = Arc.container().instance(Types.class)) {
            Types component = handle.get();
            assertEquals(Boolean.TRUE, binding.read(component, "flag"));
            assertEquals((byte) 7, binding.read(component, "b"));
            assertEquals('x', binding.read(component, "c"));
            assertEquals(5_000_000_000L, binding.read(component, "l"));
            assertEquals(2.5d, binding.read(component, "d"));
            assertNull(binding.read(component, "nothing"));
            assertEquals(6, binding.read(component, "total"));

            binding.write(component, "flag", false);
            binding.write(component, "b", (byte) -1);
            binding.write(component, "s", (short) 300);
            binding.write(component, "c", 'z');
            binding.write(component, "l", -6_000_000_000L);
            binding.write(component, "f", 0.25f);
            binding.write(component, "d", -1.5d);
            binding.write(component, "boxed", null);
            binding.write(component, "nothing", 9L);
            binding.write(component, "numbers", new int[] { 10, 20 });
            binding.write(component, "names", new String[] { "q" });
            binding.write(component, "items", List.of("k"));
            binding.write(component, "item", new Item("new"));
            binding.write(component, "color", Color.BLUE);

            assertEquals(false, component.flag);
            assertEquals(-1, component.b);
            assertEquals(300, component.s);
            assertEquals('z', component.c);
            assertEquals(-6_000_000_000L, component.l);
            assertEquals(0.25f, component.f);
            assertEquals(-1.5d, component.d);
            assertNull(component.boxed);
            assertEquals(9L, component.nothing);
            assertArrayEquals(new int[] { 10, 20 }, (int[]) binding.read(component, "numbers"));
            assertArrayEquals(new String[] { "q" }, (String[]) binding.read(component, "names"));
            assertEquals(List.of("k"), binding.read(component, "items"));
            assertEquals(new Item("new"), binding.read(component, "item"));
            assertSame(Color.BLUE, binding.read(component, "color"));
            assertEquals(30, binding.read(component, "total"));
        }
    }

    @Test
    void rendersEveryType() {
        String html = engine.parse("{#live Types /}").render();
        assertTrue(html.contains("flag=true b=7 s=-2 c=x l=5000000000 f=1.5 d=2.5 boxed=42 nothing=none"), html);
        assertTrue(html.contains("numbers=1;2;3; names=2"), html);
        assertTrue(html.contains("items=X;Y; scores=1"), html);
        assertTrue(html.contains("item=first color=RED total=6"), html);
    }

    @Live
    static class Types {

        boolean flag = true;
        byte b = 7;
        private short s = -2;
        char c = 'x';
        protected long l = 5_000_000_000L;
        float f = 1.5f;
        public double d = 2.5;
        Integer boxed = 42;
        Long nothing;
        int[] numbers = { 1, 2, 3 };
        String[] names = { "a", "b" };
        List<String> items = List.of("x", "y");
        Map<String, Integer> scores = Map.of("a", 1);
        Item item = new Item("first");
        Color color = Color.RED;

        int total() {
            int sum = 0;
            for (int n : numbers) {
                sum += n;
            }
            return sum;
        }
    }

    public record Item(String name) {
    }

    public enum Color {
        RED,
        BLUE
    }
}
