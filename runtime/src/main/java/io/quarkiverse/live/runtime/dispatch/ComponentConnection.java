package io.quarkiverse.live.runtime.dispatch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.live.LiveConnection;
import io.quarkiverse.live.runtime.component.MountContext;
import io.quarkiverse.live.runtime.component.MountedComponent;

/** The {@link LiveConnection} of one mounted component. */
final class ComponentConnection implements LiveConnection {

    private final MountContext context;
    private final Pusher pusher;

    ComponentConnection(MountContext context, Pusher pusher) {
        this.context = context;
        this.pusher = pusher;
    }

    @Override
    public String id() {
        return context.id();
    }

    @Override
    public Map<String, List<String>> headers() {
        return context.headers();
    }

    @Override
    public String header(String name) {
        return first(context.headers().get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        return context.queryParameters();
    }

    @Override
    public String queryParameter(String name) {
        return first(context.queryParameters().get(name));
    }

    @Override
    public CompletionStage<Void> update(Runnable change) {
        MountedComponent component = context.component();
        if (component == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "The component is still being created; update it from onMount() or later"));
        }
        return pusher.push(component, ignored -> change.run());
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
