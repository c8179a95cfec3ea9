package io.quarkiverse.live.runtime.render;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.dispatch.ArgumentBinder;
import io.quarkiverse.live.runtime.dispatch.ConversionException;
import io.quarkiverse.live.runtime.http.RuntimeScript;
import io.quarkiverse.live.runtime.shared.MountClaims;
import io.quarkiverse.live.runtime.template.LiveNamespace;
import io.quarkiverse.live.runtime.transport.form.FormTokens;
import io.quarkiverse.live.runtime.transport.form.NoScriptPages;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;

/**
 * Renders components with their templates: the whole HTML of the root element, marked for the browser runtime. A
 * render also settles the component's children: those its {@code {#live}} sections no longer show are destroyed.
 */
@Singleton
public class ComponentRenderer {

    private final Engine engine;
    private final ComponentRegistry registry;
    private final ArgumentBinder binder;
    private final MountClaims claims;
    private final FormTokens formTokens;
    private final NoScriptPages noScript;
    private final String formRoot;

    ComponentRenderer(Engine engine, ComponentRegistry registry, ArgumentBinder binder, MountClaims claims,
            FormTokens formTokens, RuntimeScript script, NoScriptPages noScript) {
        this.noScript = noScript;
        this.claims = claims;
        this.formTokens = formTokens;
        this.formRoot = script.root() + "form/";
        this.engine = engine;
        this.registry = registry;
        this.binder = binder;
    }

    /**
     * The HTML of a page's component for a browser loading the page: the first paint of the component mounted with
     * the props {@code props} gives, or, for a browser sent back to the page after posting one of the component's forms
     * without JavaScript, a render of the component the post changed.
     */
    public CompletionStage<String> pagePaint(String componentName, String browser,
            Supplier<CompletionStage<Map<String, Object>>> props) {
        MountedComponent posted = noScript.take(browser, componentName);
        if (posted != null) {
            return render(posted);
        }
        return props.get().thenCompose(values -> firstPaint(mount(componentName, null, browser, values)));
    }

    /**
     * Mounts a component with its props (each names a state field and is converted to its type) and renders it for
     * the first time; it then waits for a browser to join it.
     *
     * @param parent the component whose template names this one, or {@code null} for a page
     * @param browser the browser the page is rendered for, which alone may join the component ({@code null}: any)
     * @throws IllegalArgumentException naming what is wrong when there is no such component or field, or a prop value
     *         does not fit its field
     */
    public MountedComponent mount(String componentName, MountedComponent parent, String browser,
            Map<String, Object> props) {
        return mount(componentName, null, parent, browser, props);
    }

    /**
     * Mounts a component another node of the cluster rendered, with the id and props its claim names, for the browser
     * joining it here, and its children with theirs, under the keys its template gave them.
     */
    public MountedComponent mountClaimed(MountClaims.Claim claim, String browser) {
        MountedComponent component = mount(claim.component(), claim.id(), null, browser, claim.props());
        try {
            adoptClaimed(component, claim.children());
        } catch (RuntimeException e) {
            registry.destroy(component);
            throw e;
        }
        return component;
    }

    private void adoptClaimed(MountedComponent parent, List<MountClaims.Claim> children) {
        for (MountClaims.Claim claimed : children) {
            MountedComponent child = mount(claimed.component(), claimed.id(), parent, null, claimed.props());
            parent.adopt(claimed.key(), child);
            adoptClaimed(child, claimed.children());
        }
    }

    private MountedComponent mount(String componentName, String id, MountedComponent parent, String browser,
            Map<String, Object> props) {
        MountedComponent component = registry.mount(componentName, id, parent, browser, (binding, instance) -> {
            for (Map.Entry<String, Object> prop : props.entrySet()) {
                Class<?> type = binding.writableFields().get(prop.getKey());
                if (type == null) {
                    throw new IllegalArgumentException(componentName + " has no field '" + prop.getKey()
                            + "' a prop can set; it has " + binding.writableFields().keySet());
                }
                try {
                    binding.write(instance, prop.getKey(), binder.convert(prop.getValue(), type));
                } catch (ConversionException e) {
                    throw new IllegalArgumentException("Prop " + prop.getKey() + " of " + componentName + ": "
                            + e.getMessage());
                }
            }
        });
        if (parent == null || !parent.page().isMounted()) {
            // Only a page not joined yet gives out a claim (see render): kept until its first join
            component.context().describe(claims.describe(componentName, component.id(), props));
        }
        return component;
    }

    /**
     * The first render of a component just mounted, which the browser receives with the page (or with its parent's
     * HTML); a component whose first render fails is destroyed.
     */
    public CompletionStage<String> firstPaint(MountedComponent component) {
        return render(component).whenComplete((html, failure) -> {
            if (failure != null) {
                registry.destroy(component);
            } else {
                component.firstPaint(html);
            }
        });
    }

    /**
     * Renders the component; the browser's copy is not updated here ({@link MountedComponent#replaceHtml} is the
     * caller's, once it knows the HTML reaches the browser). Call on the component's task queue, or before any browser
     * has joined it.
     */
    public CompletionStage<String> render(MountedComponent component) {
        ComponentBinding binding = component.binding();
        Template template = engine.getTemplate(binding.templateId());
        if (template == null) {
            return CompletableFuture.failedFuture(new TemplateException(
                    "Template " + binding.templateId() + " of live component " + binding.name() + " not found"));
        }
        RenderPass pass = new RenderPass(component);
        String formId = "live-" + component.id();
        String formAction = formRoot + binding.name() + "/" + component.id() + "."
                + formTokens.of(component.id(), component.browser());
        return template.instance()
                .data(new ComponentView(binding, component.instance(), component.errors(), component))
                .setAttribute(RenderPass.ATTRIBUTE, pass)
                // Where its forms and buttons post without JavaScript (ids and tokens are URL-safe base64)
                .setAttribute(LiveNamespace.FORM_ACTION, formAction)
                .setAttribute(LiveNamespace.FORM_ID, formId)
                .renderAsync()
                .thenApply(html -> {
                    component.keepOnlyChildren(pass.shownKeys()).forEach(registry::destroy);
                    // Until it is joined, the claim lets another node of the cluster take it, children included
                    String claim = component.isMounted() || component.parent() != null ? null
                            : claims.issue(component, component.browser());
                    return RootElement.withOwnForm(RootElement.decorate(html, binding.name(), component.id(), claim),
                            formId, formAction);
                });
    }
}
