package io.quarkiverse.live.deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.live.runtime.dispatch.ArgumentBinder;
import io.quarkiverse.live.runtime.dispatch.ConversionException;
import io.quarkiverse.live.runtime.render.ComponentView;
import io.quarkiverse.live.runtime.render.TemplateIds;
import io.quarkiverse.live.runtime.template.CallSyntax;
import io.quarkiverse.live.runtime.template.CallSyntax.Argument;
import io.quarkiverse.live.runtime.template.CallSyntax.Call;
import io.quarkiverse.live.runtime.template.CallSyntax.Literal;
import io.quarkiverse.live.runtime.template.EventAttributes;
import io.quarkiverse.live.runtime.template.EventAttributes.Binding;
import io.quarkiverse.live.runtime.template.HtmlText;
import io.quarkiverse.live.runtime.template.Markup.Attribute;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.qute.Expression;
import io.quarkus.qute.deployment.TemplatesAnalysisBuildItem;
import io.quarkus.qute.deployment.TemplatesAnalysisBuildItem.TemplateAnalysis;

/**
 * Checks every component template against its component, so that mistakes fail the build instead of a click: each
 * event attribute must name a handler, pass as many arguments as it takes, pass literals its parameters accept and use
 * known modifiers; each expression must start from a field or no-arg method of the component. Messages point at the
 * template file and line.
 */
public class TemplateBindingsProcessor {

    private static final Pattern DURATION = Pattern.compile("\\d+(ms|s)");
    /** The modifiers the browser runtime knows; see the docs' event table. */
    static final Set<String> MODIFIERS = KnownModifiers.all();
    /** Literals are checked with the converter the running application uses for arguments. */
    private static final ArgumentBinder LITERALS = new ArgumentBinder();

    @BuildStep
    void checkComponentTemplates(List<LiveComponentBuildItem> components, List<ComponentTemplateBuildItem> templates,
            TemplatesAnalysisBuildItem analysis, CombinedIndexBuildItem index,
            BuildProducer<ValidationErrorBuildItem> errors) {
        List<String> problems = new ArrayList<>();
        for (ComponentTemplateBuildItem template : templates) {
            checkEventAttributes(template, problems);
        }
        for (LiveComponentBuildItem component : components) {
            for (TemplateAnalysis templateAnalysis : analysis.getAnalysis()) {
                if (isTemplateOf(component, templateAnalysis)) {
                    checkExpressions(component, templateAnalysis, ErrorKeys.of(component, index.getIndex()),
                            problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(new LiveBuildException(problems)));
        }
    }

    private static boolean isTemplateOf(LiveComponentBuildItem component, TemplateAnalysis analysis) {
        String id = component.templateId();
        return id.equals(analysis.id) || id.equals(analysis.path)
                || TemplateIds.withoutSuffix(id).equals(analysis.id);
    }

    static void checkEventAttributes(ComponentTemplateBuildItem template, List<String> problems) {
        LiveComponentBuildItem component = template.component();
        for (Binding binding : EventAttributes.bindings(template.markup())) {
            Attribute attribute = binding.attribute();
            String written = attribute.name();
            if (attribute.value() == null) {
                problems.add(template.where(attribute.start()) + ": " + written
                        + ": an event attribute names the handler to call, e.g. " + written + "=\"save\"");
                continue;
            }
            String event = binding.event();
            String where = template.where(attribute.start()) + ": " + written + "=\"" + attribute.value() + "\": ";
            if (EventAttributes.RESERVED.contains(event)) {
                problems.add(where + "@" + event + " would become data-live-" + event
                        + ", which Quarkus Live sets on the component's root itself; it is no event");
                continue;
            }
            if (!event.equals(event.toLowerCase())) {
                problems.add(where + "HTML lowercases attribute names, so the browser would listen for '"
                        + event.toLowerCase() + "'; write it in lowercase");
                continue;
            }
            String modifierProblem = modifierProblem(event, binding.modifiers());
            if (modifierProblem != null) {
                problems.add(where + modifierProblem);
                continue;
            }
            if (binding.isText()) {
                continue; // its value is the text shown while the submit is in flight
            }
            String callProblem = callProblem(component, HtmlText.decodeAttribute(attribute.value()));
            if (callProblem != null) {
                problems.add(where + callProblem);
            }
        }
    }

    private static String modifierProblem(String event, List<String> modifiers) {
        for (int i = 0; i < modifiers.size(); i++) {
            String modifier = modifiers.get(i);
            String previous = i == 0 ? "" : modifiers.get(i - 1);
            if (DURATION.matcher(modifier).matches()) {
                if (!previous.equals("debounce") && !previous.equals("throttle")) {
                    return "'." + modifier + "' must follow .debounce or .throttle";
                }
            } else if (modifier.equals("blur")) {
                if (!previous.equals("debounce")) {
                    return "'.blur' must follow .debounce (.debounce.blur sends when the field loses focus)";
                }
            } else if (modifier.equals(EventAttributes.DISABLE_WITH)) {
                if (!event.equals("submit") || modifiers.size() != 1) {
                    return "'.disable-with' belongs on @submit alone: @submit.disable-with=\"Saving...\"";
                }
            } else if (!MODIFIERS.contains(modifier)) {
                return "unknown modifier '." + modifier + "'" + Suggestions.didYouMean(modifier, MODIFIERS)
                        + (Suggestions.didYouMean(modifier, MODIFIERS).isEmpty() ? "; known modifiers: "
                                + String.join(", ", new java.util.TreeSet<>(MODIFIERS)) : "");
            }
        }
        return null;
    }

    private static String callProblem(LiveComponentBuildItem component, String value) {
        Call call;
        try {
            call = CallSyntax.parse(value);
        } catch (IllegalArgumentException e) {
            return "not a handler call (" + e.getMessage() + "); write handler or handler(arg, ...)";
        }
        MethodInfo handler = component.handlers().stream().filter(m -> m.name().equals(call.handler())).findFirst()
                .orElse(null);
        if (handler == null) {
            Set<String> names = new LinkedHashSet<>();
            component.handlers().forEach(m -> names.add(m.name()));
            String suggestion = Suggestions.didYouMean(call.handler(), names);
            return component.name() + " has no handler '" + call.handler() + "'"
                    + (suggestion.isEmpty() ? "; its handlers are " + names : suggestion);
        }
        if (handler.parametersCount() != call.arguments().size()) {
            return component.name() + "." + handler.name() + "(" + parameterList(handler) + ") takes "
                    + handler.parametersCount() + " argument(s), the template passes " + call.arguments().size();
        }
        for (int i = 0; i < call.arguments().size(); i++) {
            Argument argument = call.arguments().get(i);
            Class<?> type = Handlers.bindableClass(handler.parameterType(i));
            if (argument instanceof Literal literal && type != null) {
                try {
                    LITERALS.convert(literal.value(), type);
                } catch (ConversionException e) {
                    return "argument " + (i + 1) + " (" + literal.source() + ") cannot be passed to parameter '"
                            + handler.parameterName(i) + "' of " + component.name() + "." + handler.name() + ": "
                            + e.getMessage();
                }
            }
        }
        return null;
    }

    private static String parameterList(MethodInfo method) {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < method.parametersCount(); i++) {
            parameters.add(method.parameterType(i) + " " + method.parameterName(i));
        }
        return String.join(", ", parameters);
    }

    private static void checkExpressions(LiveComponentBuildItem component, TemplateAnalysis analysis,
            ErrorKeys errorKeys, List<String> problems) {
        Set<String> names = new LinkedHashSet<>();
        names.add(ComponentView.ERRORS);
        names.add(ComponentView.UPLOADS);
        for (FieldInfo field : component.stateFields()) {
            names.add(field.name());
        }
        for (MethodInfo reader : component.readers()) {
            names.add(reader.name());
        }
        for (Expression expression : analysis.expressions) {
            // Typed expressions are Qute's to check; literals and namespaces (inject:, config:) need no component
            if (expression.isLiteral() || expression.hasNamespace() || expression.hasTypeInfo()
                    || expression.getParts().isEmpty()) {
                continue;
            }
            String root = expression.getParts().get(0).getName();
            String where = component.templateId() + ":" + expression.getOrigin().getLine() + ": {"
                    + expression.toOriginalString() + "}: ";
            if (!names.contains(root)) {
                problems.add(where + component.name() + " has no field or method '" + root + "'"
                        + Suggestions.didYouMean(root, names));
            } else if (root.equals(ComponentView.ERRORS) && !isStateOrReader(component, root)) {
                String problem = errorKeys.problem(expression);
                if (problem != null) {
                    problems.add(where + problem);
                }
            }
        }
    }

    /** Whether the component has a field or method of that name, which a template reads instead of its errors. */
    private static boolean isStateOrReader(LiveComponentBuildItem component, String name) {
        return component.stateFields().stream().anyMatch(field -> field.name().equals(name))
                || component.readers().stream().anyMatch(reader -> reader.name().equals(name));
    }
}
