package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.Shared;
import io.quarkiverse.live.UploadedFile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads what the demo's native build would hand to {@code native-image}, made without GraalVM by
 * {@code -Dnative -Dquarkus.native.sources-only=true} ({@code bin/test-all} builds it, then runs this test with
 * {@code -Dnative.sources=target/native-sources}): the runner jar with its native-image configuration, and
 * {@code native-image.args}. It fails when a registration the extension owes native goes missing: the browser scripts
 * and every template as resources, the conversion messages as a bundle, the generated bindings in the jar (no
 * reflection), and for reflection the types Jackson creates: every handler parameter type of the demo's components,
 * the records inside them, and every {@code @Shared} value type.
 */
@EnabledIfSystemProperty(named = "native.sources", matches = ".+")
class NativeSourcesTest {

    private static final Path SOURCES = Path.of(System.getProperty("native.sources", "target/native-sources"));

    @Test
    void theNativeBuildGetsEverythingTheExtensionRegisters() throws Exception {
        String args = Files.readString(SOURCES.resolve("native-image.args"));
        Path runner;
        try (Stream<Path> files = Files.list(SOURCES)) {
            runner = files.filter(path -> path.toString().endsWith("-runner.jar")).findFirst().orElseThrow();
        }
        assertTrue(args.contains("-jar " + runner.getFileName()), args);
        assertTrue(args.contains("-H:IncludeLocales=de,fr,en"), "the languages of quarkus.locales: " + args);

        try (JarFile jar = new JarFile(runner.toFile())) {
            JsonObject resources = new JsonObject(read(jar, "META-INF/native-image/resource-config.json"));
            String included = resources.getJsonObject("resources").getJsonArray("includes").encode();
            for (String script : List.of("runtime.js", "fallback.js", "upload.js")) {
                assertTrue(included.contains("META-INF/resources/_live/" + script), script + " in " + included);
            }
            for (String template : templates()) {
                assertTrue(included.contains("templates/" + template), template + " in " + included);
            }
            assertTrue(resources.getJsonArray("bundles").encode()
                    .contains("io.quarkiverse.live.runtime.dispatch.ConversionMessages"), resources.encode());

            Set<String> reflective = new HashSet<>();
            new JsonArray(read(jar, "META-INF/native-image/reflect-config.json"))
                    .forEach(entry -> reflective.add(((JsonObject) entry).getString("name")));
            List<Class<?>> components = components();
            assertTrue(components.size() > 20, "the demo's components: " + components);
            for (Class<?> component : components) {
                assertTrue(jar.getEntry(component.getName().replace('.', '/') + "_LiveBinding.class") != null,
                        "the generated binding of " + component.getSimpleName());
                for (Class<?> type : createdByJackson(component)) {
                    assertTrue(reflective.contains(type.getName()),
                            type.getName() + " (" + component.getSimpleName() + ") registered for reflection");
                }
            }
        }
    }

    private static String read(JarFile jar, String entry) throws IOException {
        assertTrue(jar.getEntry(entry) != null, entry + " in the runner jar");
        return new String(jar.getInputStream(jar.getEntry(entry)).readAllBytes());
    }

    private static List<String> templates() throws IOException {
        Path root = Path.of("src", "main", "resources", "templates");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".html"))
                    .map(path -> root.relativize(path).toString().replace('\\', '/')).toList();
        }
    }

    /** The demo's components, found beside this test's package from the compiled classes. */
    private static List<Class<?>> components() throws Exception {
        List<Class<?>> components = new ArrayList<>();
        try (Stream<Path> classes = Files.list(Path.of("target", "classes", "org", "acme"))) {
            for (Path file : classes.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = Class.forName("org.acme." + name.substring(0, name.length() - 6));
                    if (type.isAnnotationPresent(Live.class)) {
                        components.add(type);
                    }
                }
            }
        }
        return components;
    }

    /** The application's types Jackson creates for a component: handler parameters, nested records, shared values. */
    private static Set<Class<?>> createdByJackson(Class<?> component) {
        Set<Class<?>> types = new HashSet<>();
        for (Method method : component.getDeclaredMethods()) {
            if (!Modifier.isPrivate(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                    && !method.isSynthetic()) {
                for (Type parameter : method.getGenericParameterTypes()) {
                    collect(parameter, types);
                }
            }
        }
        for (var field : component.getDeclaredFields()) {
            if (field.isAnnotationPresent(Shared.class)) {
                collect(field.getGenericType(), types);
            }
        }
        return types;
    }

    private static void collect(Type type, Set<Class<?>> types) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, types);
            }
        } else if (type instanceof Class<?> plain && plain.getName().startsWith("org.acme.")
                && plain != UploadedFile.class && types.add(plain) && plain.isRecord()) {
            for (RecordComponent component : plain.getRecordComponents()) {
                collect(component.getGenericType(), types);
            }
        }
    }

    @Test
    void onlyRunsWhenTheNativeSourcesWereBuilt() {
        assertEquals(true, Files.isDirectory(SOURCES), "build them with -Dnative -Dquarkus.native.sources-only=true");
    }
}
