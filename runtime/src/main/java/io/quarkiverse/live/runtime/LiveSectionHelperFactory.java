package io.quarkiverse.live.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.Expression;
import io.quarkus.qute.ResultNode;
import io.quarkus.qute.SectionHelper;
import io.quarkus.qute.SectionHelperFactory;
import io.quarkus.qute.SingleResultNode;

/**
 * The {@code {#live Counter count=5 /}} section: mounts a component inside any Qute page. The first parameter names
 * the component; every other {@code name=expression} sets the initial value of that state field.
 */
@EngineConfiguration
public class LiveSectionHelperFactory implements SectionHelperFactory<LiveSectionHelperFactory.LiveSection> {

    private static final String COMPONENT = "component";

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
        for (Map.Entry<String, String> parameter : context.getParameters().entrySet()) {
            if (!parameter.getKey().equals(COMPONENT)) {
                props.put(parameter.getKey(), context.parseValue(parameter.getValue()));
            }
        }
        return new LiveSection(context.getParameter(COMPONENT), props);
    }

    public static final class LiveSection implements SectionHelper {

        private final String componentName;
        private final Map<String, Expression> props;

        LiveSection(String componentName, Map<String, Expression> props) {
            this.componentName = componentName;
            this.props = props;
        }

        @Override
        public CompletionStage<ResultNode> resolve(SectionResolutionContext context) {
            // Looked up here, not in the factory: the factory is also instantiated at build time, without CDI
            LiveMounts mounts = Arc.container().instance(LiveMounts.class).get();
            String script = Arc.container().instance(RuntimeScript.class).get().tag();
            return context.evaluate(props)
                    .thenCompose(values -> mounts.firstPaint(mounts.mount(componentName, values)))
                    .thenApply(html -> new SingleResultNode(html + script));
        }
    }
}
