package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.ExecutionModel;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;

/**
 * The build decides per handler and lifecycle method where it runs, from its own annotations, else its class's.
 */
public class ExecutionModelTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Mixed.class, BlockingByDefault.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Mixed.html")
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/BlockingByDefault.html"));

    @Inject
    LiveComponents components;

    @Test
    void eachMethodRunsWhereItsAnnotationsSay() {
        ComponentBinding mixed = components.find("Mixed");
        assertEquals(ExecutionModel.EVENT_LOOP, mixed.handler("plain").executionModel());
        assertEquals(ExecutionModel.WORKER, mixed.handler("blocking").executionModel());
        assertEquals(ExecutionModel.VIRTUAL_THREAD, mixed.handler("virtual").executionModel());
        assertEquals(ExecutionModel.EVENT_LOOP, mixed.handler("reactive").executionModel());
        assertEquals(ExecutionModel.WORKER, mixed.handler("transactional").executionModel(),
                "@Transactional implies blocking, as in Quarkus REST");
        assertEquals(ExecutionModel.WORKER, mixed.mountModel());
        assertEquals(ExecutionModel.EVENT_LOOP, mixed.unmountModel());
    }

    @Test
    void theClassAnnotationIsTheDefaultAMethodOverrides() {
        ComponentBinding blocking = components.find("BlockingByDefault");
        assertEquals(ExecutionModel.WORKER, blocking.handler("save").executionModel());
        assertEquals(ExecutionModel.EVENT_LOOP, blocking.handler("quick").executionModel());
        assertEquals(ExecutionModel.VIRTUAL_THREAD, blocking.handler("lots").executionModel());
        assertEquals(ExecutionModel.WORKER, blocking.mountModel(), "onMount() follows the class");
    }

    @Live
    static class Mixed {

        int n;

        void plain() {
            n++;
        }

        @Blocking
        void blocking() {
            n++;
        }

        @RunOnVirtualThread
        void virtual() {
            n++;
        }

        Uni<Void> reactive() {
            return Uni.createFrom().voidItem();
        }

        @Transactional
        void transactional() {
            n++;
        }

        @Blocking
        void onMount() {
            n = 1;
        }

        void onUnmount() {
            n = 0;
        }
    }

    @Live
    @Blocking
    static class BlockingByDefault {

        int n;

        void save() {
            n++;
        }

        @NonBlocking
        void quick() {
            n++;
        }

        @RunOnVirtualThread
        void lots() {
            n++;
        }

        void onMount() {
            n = 1;
        }
    }
}
