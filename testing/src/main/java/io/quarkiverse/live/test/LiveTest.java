package io.quarkiverse.live.test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.render.ComponentRenderer;
import io.quarkiverse.live.runtime.transport.ConnectionIdentity;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Mounts live components in a {@code @QuarkusTest}, without a browser, as LiveView's {@code LiveViewTest} and
 * Livewire's {@code Livewire::test} do:
 *
 * <pre>
 * try (LiveView&lt;Counter&gt; counter = LiveTest.mount(Counter.class)) {
 *     counter.click("button:contains(+)");
 *     assertEquals("Count: 1", counter.text("h2"));
 * }
 * </pre>
 *
 * A mount renders the component as a page would, then joins it over a connection of its own, so {@code onMount()}
 * runs; see {@link LiveView} for what a test does with it.
 */
public final class LiveTest {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private LiveTest() {
    }

    /** Mounts the component without props, for an anonymous user. */
    public static <C> LiveView<C> mount(Class<C> component) {
        return new Options().mount(component, Map.of());
    }

    /** Mounts the component with props, as {@code {#live Name prop=value /}} passes them, for an anonymous user. */
    public static <C> LiveView<C> mount(Class<C> component, Map<String, ?> props) {
        return new Options().mount(component, props);
    }

    /** A mount as a user: what {@code @Inject SecurityIdentity} and {@code @RolesAllowed} see in the component. */
    public static Options as(SecurityIdentity identity) {
        return new Options().as(identity);
    }

    /** A mount for a browser that asks for these languages ({@code Accept-Language}), e.g. {@code "de-CH, de"}. */
    public static Options language(String acceptLanguage) {
        return new Options().language(acceptLanguage);
    }

    /** How a component is mounted: for which user and languages, and how long a test waits for an answer. */
    public static final class Options {

        private SecurityIdentity identity = AnonymousIdentity.INSTANCE;
        private String acceptLanguage;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Options() {
        }

        public Options as(SecurityIdentity identity) {
            this.identity = identity;
            return this;
        }

        public Options language(String acceptLanguage) {
            this.acceptLanguage = acceptLanguage;
            return this;
        }

        /** How long each call, and {@link LiveView#waitFor}, waits; 10 seconds unless set. */
        public Options timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public <C> LiveView<C> mount(Class<C> component) {
            return mount(component, Map.of());
        }

        /**
         * @throws IllegalArgumentException when the class is no live component, or a prop names no field a prop can
         *         set or does not fit its type
         */
        @SuppressWarnings("unchecked")
        public <C> LiveView<C> mount(Class<C> component, Map<String, ?> props) {
            ComponentRenderer renderer = Arc.container().instance(ComponentRenderer.class).get();
            Dispatcher dispatcher = Arc.container().instance(Dispatcher.class).get();
            Vertx vertx = Arc.container().instance(Vertx.class).get();
            // The browser the page is rendered for, which alone may join the component: this test's connection
            String browser = "test-" + UUID.randomUUID();
            MountedComponent mounted;
            String firstPaint;
            // As a page: in a request context of its own, so the first render sees the beans handlers later see
            ManagedContext requestContext = Arc.container().requestContext();
            boolean active = requestContext.isActive();
            if (!active) {
                requestContext.activate();
            }
            try {
                mounted = renderer.mount(component.getSimpleName(), null, browser, (Map<String, Object>) props);
                firstPaint = await(renderer.firstPaint(mounted).toCompletableFuture(), "the first render of "
                        + component.getSimpleName());
            } finally {
                if (!active) {
                    requestContext.terminate();
                }
            }
            Context eventLoop = vertx.getOrCreateContext();
            TestChannel channel = new TestChannel(eventLoop);
            CompletableFuture<Session> opened = new CompletableFuture<>();
            eventLoop.runOnContext(ignored -> opened.complete(dispatcher.opened(channel, acceptLanguage,
                    ConnectionIdentity.of(identity), browser)));
            Session session = await(opened, "the connection");
            LiveView<C> view = new LiveView<>(mounted, dispatcher,
                    Arc.container().instance(ComponentRegistry.class).get(), session, channel, firstPaint, timeout);
            channel.listen(view::received);
            long ref = view.nextRef();
            JsonObject joined = view.request(ref, new JsonObject().put("t", "join").put("v", 1).put("ref", ref)
                    .put("id", mounted.id()));
            if (!"ok".equals(joined.getString("t"))) {
                throw new CallRefusedException(joined.getString("code"), "joining " + component.getSimpleName()
                        + ": " + joined.getString("message"));
            }
            return view;
        }

        private <T> T await(CompletableFuture<T> future, String what) {
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("No " + what + " within " + timeout.toMillis() + " ms");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
