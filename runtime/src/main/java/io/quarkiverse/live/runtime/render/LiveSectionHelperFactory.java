package io.quarkiverse.live.runtime.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.http.BrowserBinding;
import io.quarkiverse.live.runtime.http.RuntimeScript;
import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.Expression;
import io.quarkus.qute.ResultNode;
import io.quarkus.qute.SectionHelper;
import io.quarkus.qute.SectionHelperFactory;
import io.quarkus.qute.SingleResultNode;
import io.quarkus.qute.TemplateNode.Origin;

/**
 * The {@code {#live Counter count=5 /}} section: mounts a component. The first parameter names the component; every
 * other {@code name=expression} sets the initial value of that state field, except {@code key}, which tells children
 * of one section apart across renders (in a loop, say).
 * <p>
 * In an ordinary page it mounts a fresh component for every render and adds the runtime's script tag; a browser sent
 * back to the page after posting one of the component's forms without JavaScript sees the component it posted to.
 * Inside a component's template it mounts a child on the first render that shows it; later renders show that same
 * child (its state kept) until a render no longer shows it, which destroys it.
 */
@EngineConfiguration
public class LiveSectionHelperFactory implements SectionHelperFactory<LiveSectionHelperFactory.LiveSection> {

    private static final String COMPONENT = "component";
    private static final String KEY = "key";

    @Override
    public List<String> getDefaultAliases() {
        return List.of("live");
    }

    @Override
    public ParametersInfo getParameters() {
        return ParametersInfo.builder().addParameter(COMPONENT).build();
    }

    @Override
    public LiveSection initialize(SectionInitContext context) {
        Map<String, Expression> props = new HashMap<>();
        Expression key = null;
        for (Map.Entry<String, String> parameter : context.getParameters().entrySet()) {
            if (parameter.getKey().equals(KEY)) {
                key = context.parseValue(parameter.getValue());
            } else if (!parameter.getKey().equals(COMPONENT)) {
                props.put(parameter.getKey(), context.parseValue(parameter.getValue()));
            }
        }
        return new LiveSection(sectionId(context.getOrigin()), context.getParameter(COMPONENT), props, key);
    }

    /**
     * Where the section stands in its template, the part of a child's key that tells sections apart: the same on every
     * node of a cluster and in every run, whatever order the templates were parsed in, so a page's claim can name its
     * children by key ({@code MountClaims}).
     */
    private static String sectionId(Origin origin) {
        return (origin.getTemplateId() + ":" + origin.getLine() + ":" + origin.getLineCharacterStart()).intern();
    }

    public static final class LiveSection implements SectionHelper {

        private final String id;
        private final String componentName;
        private final Map<String, Expression> props;
        private final Expression key;

        LiveSection(String id, String componentName, Map<String, Expression> props, Expression key) {
            this.id = id;
            this.componentName = componentName;
            this.props = props;
            this.key = key;
        }

        @Override
        public CompletionStage<ResultNode> resolve(SectionResolutionContext context) {
            // Looked up here, not in the factory: the factory is also instantiated at build time, without CDI
            ComponentRenderer renderer = Arc.container().instance(ComponentRenderer.class).get();
            if (context.resolutionContext().getAttribute(RenderPass.ATTRIBUTE) instanceof RenderPass pass) {
                return child(context, renderer, pass).thenApply(SingleResultNode::new);
            }
            String script = Arc.container().instance(RuntimeScript.class).get().tag();
            String browser = Arc.container().instance(BrowserBinding.class).get().currentBrowser();
            return renderer.pagePaint(componentName, browser, () -> context.evaluate(props))
                    .thenApply(shown -> new SingleResultNode(shown + script));
        }

        /** The HTML of this section's child in the component being rendered, mounting the child if it is new. */
        private CompletionStage<String> child(SectionResolutionContext context, ComponentRenderer renderer,
                RenderPass pass) {
            CompletionStage<String> keyed = key == null ? CompletableFuture.completedFuture(pass.nextKey(id))
                    : context.evaluate(key).thenApply(value -> id + ":" + value);
            MountedComponent parent = pass.component();
            return keyed.thenCompose(childKey -> {
                pass.shown(childKey);
                MountedComponent existing = parent.child(childKey);
                if (existing != null && !existing.isDestroyed()) {
                    // Its browser morphs it through its own messages; the parent's HTML only holds its place. A child
                    // mounted from a claim has not been painted here yet
                    return existing.lastHtml() != null ? CompletableFuture.completedFuture(existing.lastHtml())
                            : renderer.firstPaint(existing);
                }
                return context.evaluate(props).thenCompose(values -> {
                    MountedComponent child = renderer.mount(componentName, parent, null, values);
                    parent.adopt(childKey, child);
                    return renderer.firstPaint(child);
                });
            });
        }
    }
}
