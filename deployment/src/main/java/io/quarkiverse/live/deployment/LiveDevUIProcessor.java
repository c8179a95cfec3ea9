package io.quarkiverse.live.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;

import io.quarkiverse.live.runtime.devui.LiveConnectionsService;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;

/**
 * The Quarkus Live card of the Dev UI, in dev mode only: the components as the build understood them (build-time data)
 * and the open connections, read from the running application through {@link LiveConnectionsService}.
 */
public class LiveDevUIProcessor {

    /** The key of the components in the card's build-time data; the web component imports it by this name. */
    static final String COMPONENTS = "components";

    @BuildStep(onlyIf = IsDevelopment.class)
    CardPageBuildItem card(List<LiveComponentBuildItem> components, HttpRootPathBuildItem httpRootPath) {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addBuildTimeData(COMPONENTS, components.stream()
                .sorted(Comparator.comparing(LiveComponentBuildItem::name))
                .map(component -> describe(component, httpRootPath))
                .collect(Collectors.toList()));
        card.addPage(Page.webComponentPageBuilder()
                .title("Components")
                .icon("font-awesome-solid:puzzle-piece")
                .componentLink("qwc-live-components.js")
                .staticLabel(String.valueOf(components.size())));
        card.addPage(Page.webComponentPageBuilder()
                .title("Connections")
                .icon("font-awesome-solid:plug")
                .componentLink("qwc-live-connections.js"));
        return card;
    }

    @BuildStep(onlyIf = IsDevelopment.class)
    JsonRPCProvidersBuildItem connectionsService() {
        return new JsonRPCProvidersBuildItem(LiveConnectionsService.class);
    }

    private static Map<String, Object> describe(LiveComponentBuildItem component, HttpRootPathBuildItem httpRootPath) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", component.name());
        json.put("className", component.componentClass().name().toString());
        json.put("template", "templates/" + component.templateId());
        // As a browser asks for it: under quarkus.http.root-path, as the page's route is registered
        json.put("route", component.pagePath() == null ? null
                : httpRootPath.resolvePath(httpRootPath.relativePath(component.pagePath())));
        List<Map<String, String>> handlers = new ArrayList<>();
        for (MethodInfo handler : component.handlers()) {
            handlers.add(Map.of("signature", signature(handler),
                    "executionModel", component.executionModel(handler.name()).name()));
        }
        json.put("handlers", handlers);
        json.put("stateFields", component.stateFields().stream().map(FieldInfo::name).collect(Collectors.toList()));
        return json;
    }

    /** {@code save(Registration registration)}: simple type names, as a reader of the class would write it. */
    private static String signature(MethodInfo method) {
        StringBuilder signature = new StringBuilder(method.name()).append('(');
        List<MethodParameterInfo> parameters = method.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            MethodParameterInfo parameter = parameters.get(i);
            if (i > 0) {
                signature.append(", ");
            }
            // A nested type as its outer class names it: GuestBook.Signature
            signature.append(parameter.type().name().withoutPackagePrefix().replace('$', '.'));
            if (parameter.name() != null) {
                signature.append(' ').append(parameter.name());
            }
        }
        return signature.append(')').toString();
    }
}
