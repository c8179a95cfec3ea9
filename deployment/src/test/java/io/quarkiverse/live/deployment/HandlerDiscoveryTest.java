package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.HandlerSignature;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * Which members of a component become handlers and state, and that the generated binding reaches them directly.
 */
public class HandlerDiscoveryTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Everything.class, Greeter.class)
                    .addAsResource(new StringAsset("<div>{count} {label} {secret.length}</div>"),
                            "templates/Everything.html"));

    @Inject
    LiveComponents components;

    @Test
    void handlersAreTheOwnNonPrivateNonStaticMethodsReturningVoidUniVoidOrCompletionStageVoid() {
        ComponentBinding binding = binding();
        List<String> names = binding.handlerNames();
        assertEquals(Set.of("inc", "add", "pub", "prot", "later", "stage"), Set.copyOf(names), names::toString);
        assertEquals(6, names.size(), names::toString);
    }

    @Test
    void handlerSignaturesAreKnown() {
        ComponentBinding binding = binding();
        HandlerSignature add = binding.handler("add");
        assertEquals(List.of(int.class), add.types());
        assertEquals(List.of("n"), add.parameterNames());
        assertEquals(List.of(), binding.handler("inc").types());
        assertEquals(List.of(), binding.handler("later").types());
        assertNull(binding.handler("priv"));
        assertNull(binding.handler("label"));
        assertNull(binding.handler("onMount"));
    }

    @Test
    void stateIsEveryInstanceFieldButInjectedOnes() {
        Map<String, Class<?>> fields = binding().writableFields();
        assertEquals(Set.of("count", "secret"), fields.keySet());
        assertSame(int.class, fields.get("count"));
        assertSame(String.class, fields.get("secret"));
    }

    @Test
    void describesTheComponent() {
        ComponentBinding binding = binding();
        assertEquals("Everything", binding.name());
        assertEquals("Everything.html", binding.templateId());
        assertSame(Everything.class, binding.componentClass());
        assertSame(binding, components.all().get("Everything"));
        assertNull(components.find("Nothing"));
    }

    @Test
    void readsPrivateFieldsAndReaderMethods() {
        ComponentBinding binding = binding();
        try (InstanceHandle<Everything> handle = Arc.container().instance(Everything.class)) {
            Everything component = handle.get();
            assertEquals("s3cret", binding.read(component, "secret"));
            assertEquals(0, binding.read(component, "count"));
            // label() uses the injected bean: the component is a CDI bean
            assertEquals("Hello s3cret", binding.read(component, "label"));
            assertSame(ComponentBinding.NOT_FOUND, binding.read(component, "greeter"));
            assertSame(ComponentBinding.NOT_FOUND, binding.read(component, "hidden"));
            assertSame(ComponentBinding.NOT_FOUND, binding.read(component, "nothing"));
        }
    }

    @Test
    void writesState() {
        ComponentBinding binding = binding();
        try (InstanceHandle<Everything> handle = Arc.container().instance(Everything.class)) {
            Everything component = handle.get();
            binding.write(component, "count", 41);
            binding.write(component, "secret", "other");
            assertEquals(41, component.count);
            assertEquals("Hello other", component.label());
            assertThrows(IllegalArgumentException.class, () -> binding.write(component, "greeter", null));
            assertThrows(IllegalArgumentException.class, () -> binding.write(component, "nothing", 1));
        }
    }

    @Test
    void invokesHandlers() throws Exception {
        ComponentBinding binding = binding();
        try (InstanceHandle<Everything> handle = Arc.container().instance(Everything.class)) {
            Everything component = handle.get();
            assertNull(binding.invoke(component, "inc", new Object[0]));
            assertEquals(1, binding.read(component, "count"));
            assertNull(binding.invoke(component, "add", new Object[] { 5 }));
            assertEquals(6, binding.read(component, "count"));
            binding.invoke(component, "pub", new Object[0]);
            binding.invoke(component, "prot", new Object[0]);
            assertEquals(List.of("pub", "prot"), Everything.CALLS);
        }
    }

    @Test
    void asyncHandlersReturnWhatTheyReturned() throws Exception {
        ComponentBinding binding = binding();
        try (InstanceHandle<Everything> handle = Arc.container().instance(Everything.class)) {
            Everything component = handle.get();
            Uni<?> uni = assertInstanceOf(Uni.class, binding.invoke(component, "later", new Object[0]));
            uni.await().atMost(Duration.ofSeconds(5));
            assertEquals(10, component.count);
            CompletionStage<?> stage = assertInstanceOf(CompletionStage.class,
                    binding.invoke(component, "stage", new Object[0]));
            stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(110, component.count);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "priv", "stat", "label", "notHandler", "onMount", "onUnmount", "toString", "hashCode",
            "getClass", "nothing" })
    void nothingElseCanBeInvoked(String name) {
        ComponentBinding binding = binding();
        try (InstanceHandle<Everything> handle = Arc.container().instance(Everything.class)) {
            Everything component = handle.get();
            assertThrows(IllegalArgumentException.class, () -> binding.invoke(component, name, new Object[0]));
            assertEquals(0, component.count);
            assertEquals(List.of(), Everything.CALLS);
            assertEquals(List.of(), Everything.LIFECYCLE);
        }
    }

    @Test
    void lifecycleMethodsAreCalledThroughTheBinding() {
        ComponentBinding binding = binding();
        try (InstanceHandle<Everything> handle = Arc.container().instance(Everything.class)) {
            binding.mounted(handle.get());
            assertEquals(List.of("mount"), Everything.LIFECYCLE);
            binding.unmounted(handle.get());
            assertEquals(List.of("mount", "unmount"), Everything.LIFECYCLE);
        }
    }

    @Test
    void everyMountIsANewInstance() {
        try (InstanceHandle<Everything> first = Arc.container().instance(Everything.class);
                InstanceHandle<Everything> second = Arc.container().instance(Everything.class)) {
            assertNotNull(first.get().greeter);
            assertNotSame(first.get(), second.get());
        }
    }

    @BeforeEach
    void reset() {
        Everything.LIFECYCLE.clear();
        Everything.CALLS.clear();
    }

    private ComponentBinding binding() {
        ComponentBinding binding = components.find("Everything");
        assertNotNull(binding, () -> "Components: " + components.all().keySet());
        return binding;
    }

    @Live
    static class Everything {

        // static: not state
        static final List<String> LIFECYCLE = new CopyOnWriteArrayList<>();
        static final List<String> CALLS = new CopyOnWriteArrayList<>();

        int count;
        private String secret = "s3cret";

        @Inject
        Greeter greeter;

        void inc() {
            count++;
        }

        void add(int n) {
            count += n;
        }

        public void pub() {
            CALLS.add("pub");
        }

        protected void prot() {
            CALLS.add("prot");
        }

        private void priv() {
            CALLS.add("priv");
        }

        static void stat() {
            LIFECYCLE.add("stat");
        }

        String label() {
            return greeter.greet(secret);
        }

        private String hidden() {
            return "hidden";
        }

        Uni<Void> later() {
            count += 10;
            return Uni.createFrom().voidItem();
        }

        CompletionStage<Void> stage() {
            count += 100;
            return CompletableFuture.completedFuture(null);
        }

        Uni<String> notHandler() {
            return Uni.createFrom().item("no");
        }

        void onMount() {
            LIFECYCLE.add("mount");
        }

        void onUnmount() {
            LIFECYCLE.add("unmount");
        }
    }

    @Singleton
    static class Greeter {

        String greet(String name) {
            return "Hello " + name;
        }
    }
}
