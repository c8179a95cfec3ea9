package io.quarkiverse.live.runtime;

import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Singleton;

import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;

/**
 * Serves a component annotated {@code @Live(path = ...)} as a page: the component's first paint inside the
 * application's layout template ({@code quarkus.live.layout}), or inside a minimal HTML document when there is none.
 */
@Singleton
public class LivePages {

    private final LiveMounts mounts;
    private final RuntimeScript script;
    private final Engine engine;
    private final String layoutId;

    LivePages(LiveMounts mounts, RuntimeScript script, Engine engine, LiveBuildTimeConfig config) {
        this.mounts = mounts;
        this.script = script;
        this.engine = engine;
        this.layoutId = config.layout();
    }

    public CompletionStage<String> render(String componentName) {
        MountedComponent component = mounts.mount(componentName, Map.of());
        return mounts.firstPaint(component).thenCompose(html -> wrap(componentName, html + script.tag()));
    }

    private CompletionStage<String> wrap(String title, String content) {
        Template layout = engine.getTemplate(layoutId);
        if (layout == null) {
            return java.util.concurrent.CompletableFuture.completedFuture("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    + "<meta charset=\"UTF-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    // a component name is a Java identifier: nothing to escape
                    + "<title>" + title + "</title>\n</head>\n<body>\n"
                    + content + "\n</body>\n</html>\n");
        }
        return layout.instance().data("title", title).data("content", new RawString(content)).renderAsync();
    }
}
