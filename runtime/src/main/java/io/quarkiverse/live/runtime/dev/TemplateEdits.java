package io.quarkiverse.live.runtime.dev;

import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.HandlerSignature;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.dispatch.Pusher;
import io.quarkiverse.live.runtime.template.CallSyntax;
import io.quarkiverse.live.runtime.template.EventAttributes;
import io.quarkiverse.live.runtime.template.HtmlText;
import io.quarkiverse.live.runtime.template.MarkupParser;
import io.quarkus.dev.console.DevConsoleManager;
import io.quarkus.dev.spi.HotReplacementContext;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * In dev mode, shows a saved component template in every open browser at once, with each component's state as it is,
 * without waiting for the restart Quarkus makes for it. A restart takes about as long as the 2 seconds a template edit
 * may take to show, and a template edit must still restart: the build's checks of the template (handler names, Qute's
 * type checks of its expressions) run only then, and their errors show in the browser as Quarkus' error page. So the
 * new template is parsed and rendered here first, and the restart follows a scan interval later, behind it.
 * <p>
 * The saved file is read from the application's resources directory: the copy on the class path is only updated by
 * the scan that restarts. A template this class cannot show (it does not parse, calls a handler the component lacks or
 * with other arguments) is left to the restart, which reports it. Outside dev mode it does nothing.
 */
@Singleton
public class TemplateEdits {

    private static final Logger LOG = Logger.getLogger(TemplateEdits.class);

    private final boolean devMode = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    private final Engine engine;
    private final LiveComponents components;
    private final ComponentRegistry registry;
    private final Pusher pusher;
    private final TemplateFiles files;
    /** Each template's source as last seen, by template id: what the running application shows. */
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    TemplateEdits(Engine engine, LiveComponents components, ComponentRegistry registry, Pusher pusher,
            TemplateFiles files) {
        this.engine = engine;
        this.components = components;
        this.registry = registry;
        this.pusher = pusher;
        this.files = files;
    }

    /** The sources as the application starts with them: an edit is a change from these. */
    void started(@Observes StartupEvent event) {
        HotReplacementContext context = DevConsoleManager.getHotReplacementContext();
        if (devMode && context != null) {
            files.byTemplateId().forEach((id, resource) -> look(context, id, resource));
        }
    }

    /**
     * Shows each component template saved since the last look in the browsers of its mounted components. Call off the
     * event loop: it reads files.
     *
     * @return whether a saved template was shown
     */
    boolean showSaved(HotReplacementContext context) {
        if (!devMode) {
            return false;
        }
        boolean shown = false;
        for (Map.Entry<String, String> file : files.byTemplateId().entrySet()) {
            String saved = look(context, file.getKey(), file.getValue());
            if (saved != null) {
                shown |= show(file.getKey(), saved);
            }
        }
        return shown;
    }

    /** Reads the template's source; returns it when it changed since the last look, {@code null} otherwise. */
    private String look(HotReplacementContext context, String id, String resource) {
        for (Path directory : context.getResourcesDir()) {
            Path source = directory.resolve(resource);
            if (!Files.isRegularFile(source)) {
                continue;
            }
            try {
                FileTime modified = Files.getLastModifiedTime(source);
                Seen before = seen.get(id);
                if (before != null && before.modified().equals(modified)) {
                    return null;
                }
                String content = Files.readString(source);
                seen.put(id, new Seen(modified, content));
                return before == null || before.content().equals(content) ? null : content;
            } catch (IOException e) {
                LOG.debugf(e, "Could not read %s; the restart will show it", source);
                return null;
            }
        }
        return null;
    }

    private boolean show(String id, String content) {
        List<ComponentBinding> bindings = components.all().values().stream()
                .filter(binding -> binding.templateId().equals(id)).toList();
        String problem = bindingProblem(bindings, content);
        if (problem != null) {
            LOG.infof("Template %s not shown before the restart: %s", id, problem);
            return false;
        }
        Template template;
        try {
            template = engine.parse(content, Variant.forContentType(contentType(id)), id);
        } catch (TemplateException e) {
            LOG.infof("Template %s not shown before the restart: %s", id, e.getMessage());
            return false;
        }
        engine.putTemplate(id, template);
        int pushed = 0;
        for (MountedComponent component : registry.mounted()) {
            if (bindings.contains(component.binding()) && component.acceptsTasks()) {
                pusher.push(component, unchanged -> {
                }).whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.debugf(failure, "%s not shown with its saved template", component);
                    }
                });
                pushed++;
            }
        }
        LOG.infof("Template %s saved: shown in %d open component(s); the application restarts behind it", id, pushed);
        return true;
    }

    /**
     * What the build would refuse in the template's event attributes and the restart will report: a handler the
     * component lacks, or a call with another number of arguments. {@code null} when there is none.
     */
    public static String bindingProblem(List<ComponentBinding> bindings, String content) {
        for (EventAttributes.Binding binding : EventAttributes.bindings(MarkupParser.parse(content))) {
            String value = binding.attribute().value();
            if (binding.isText() || value == null) {
                continue;
            }
            CallSyntax.Call call;
            try {
                call = CallSyntax.parse(HtmlText.decodeAttribute(value));
            } catch (IllegalArgumentException e) {
                return binding.attribute().name() + "=\"" + value + "\" is not a handler call";
            }
            for (ComponentBinding component : bindings) {
                HandlerSignature handler = component.handler(call.handler());
                if (handler == null || handler.arity() != call.arguments().size()) {
                    return component.name() + " has no handler " + call.handler() + " taking "
                            + call.arguments().size() + " argument(s)";
                }
            }
        }
        return null;
    }

    /** As Quarkus' template locator decides it: by the file's suffix; a component template is HTML otherwise. */
    private static String contentType(String id) {
        String type = URLConnection.getFileNameMap().getContentTypeFor(id);
        return type == null ? Variant.TEXT_HTML : type;
    }

    private record Seen(FileTime modified, String content) {
    }
}
