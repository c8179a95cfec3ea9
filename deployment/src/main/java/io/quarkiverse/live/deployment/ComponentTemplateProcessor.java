package io.quarkiverse.live.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;

import io.quarkiverse.live.runtime.LiveRecorder;
import io.quarkiverse.live.runtime.dev.TemplateFiles;
import io.quarkiverse.live.runtime.render.TemplateIds;
import io.quarkiverse.live.runtime.template.MarkupParser;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.qute.deployment.EffectiveTemplatePathsBuildItem;
import io.quarkus.qute.deployment.TemplatePathBuildItem;
import io.quarkus.qute.deployment.TemplateRootsBuildItem;
import io.quarkus.qute.deployment.ValidationParserHookBuildItem;
import io.quarkus.runtime.LaunchMode;

/**
 * Ties components to their templates: every component must have one, and Qute type-checks each component template
 * against the component's state, since its fields and no-arg methods are declared as the template's parameters.
 */
public class ComponentTemplateProcessor {

    @BuildStep
    void checkTemplatesExist(List<LiveComponentBuildItem> components, EffectiveTemplatePathsBuildItem templates,
            BuildProducer<ValidationErrorBuildItem> errors) {
        Set<String> paths = new HashSet<>();
        for (TemplatePathBuildItem template : templates.getTemplatePaths()) {
            paths.add(template.getPath());
        }
        List<String> problems = new ArrayList<>();
        for (LiveComponentBuildItem component : components) {
            if (!paths.contains(component.templateId())) {
                problems.add("Live component " + component.componentClass().name() + " has no template: expected "
                        + "src/main/resources/templates/" + component.templateId()
                        + " (or name another one with @Live(template = \"...\"))");
            }
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(new LiveBuildException(problems)));
        }
    }

    @BuildStep
    void readComponentTemplates(List<LiveComponentBuildItem> components, EffectiveTemplatePathsBuildItem templates,
            BuildProducer<ComponentTemplateBuildItem> read) {
        for (LiveComponentBuildItem component : components) {
            for (TemplatePathBuildItem template : templates.getTemplatePaths()) {
                if (template.getPath().equals(component.templateId()) && template.getContent() != null) {
                    read.produce(new ComponentTemplateBuildItem(component, MarkupParser.parse(template.getContent())));
                }
            }
        }
    }

    /**
     * Where the source of each component template lies in the application's resources, so that dev mode can show a
     * saved one before the restart ({@code TemplateEdits}). Empty outside dev mode, and for templates of jars.
     */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void locateTemplateFiles(List<LiveComponentBuildItem> components, EffectiveTemplatePathsBuildItem templates,
            TemplateRootsBuildItem roots, LaunchModeBuildItem launchMode, LiveRecorder recorder,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        Map<String, String> files = new HashMap<>();
        if (launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT) {
            Set<String> ids = new HashSet<>();
            components.forEach(component -> ids.add(component.templateId()));
            for (TemplatePathBuildItem template : templates.getTemplatePaths()) {
                Path fullPath = template.getFullPath();
                if (!ids.contains(template.getPath()) || fullPath == null || !template.isFileBased()) {
                    continue;
                }
                for (String root : roots) {
                    if (fullPath.endsWith(Path.of(root, template.getPath()))) {
                        files.put(template.getPath(), root + "/" + template.getPath());
                    }
                }
            }
        }
        beans.produce(SyntheticBeanBuildItem.configure(TemplateFiles.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.templateFiles(files))
                .done());
    }

    @BuildStep
    void checkOneRootElement(List<ComponentTemplateBuildItem> templates, BuildProducer<ValidationErrorBuildItem> errors) {
        List<String> problems = new ArrayList<>();
        for (ComponentTemplateBuildItem template : templates) {
            String problem = TemplateRoots.problem(template);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(new LiveBuildException(problems)));
        }
    }

    @BuildStep
    ValidationParserHookBuildItem typeCheckComponentTemplates(List<LiveComponentBuildItem> components) {
        Map<String, Map<String, String>> parametersByTemplate = new HashMap<>();
        for (LiveComponentBuildItem component : components) {
            Map<String, String> parameters = new HashMap<>();
            for (MethodInfo reader : component.readers()) {
                parameters.put(reader.name(), typeName(reader.returnType()));
            }
            // A field wins over a method of the same name, as at run time
            for (FieldInfo field : component.stateFields()) {
                parameters.put(field.name(), typeName(field.type()));
            }
            parametersByTemplate.put(component.templateId(), parameters);
            parametersByTemplate.put(TemplateIds.withoutSuffix(component.templateId()), parameters);
        }
        return new ValidationParserHookBuildItem(helper -> {
            Map<String, String> parameters = parametersByTemplate.get(helper.getTemplateId());
            if (parameters != null) {
                parameters.forEach(helper::addParameter);
            }
        });
    }

    /**
     * The type as Qute's validation reads it; primitives boxed, since expressions see boxed values. Qute cannot resolve
     * a type variable (it would look for a class named {@code T}), so a type containing one is declared as its erasure.
     */
    private static String typeName(Type type) {
        if (type.kind() == Type.Kind.PRIMITIVE) {
            return PrimitiveType.box(type.asPrimitiveType()).name().toString();
        }
        return hasTypeVariable(type) ? erasure(type) : type.toString();
    }

    private static boolean hasTypeVariable(Type type) {
        switch (type.kind()) {
            case TYPE_VARIABLE:
            case UNRESOLVED_TYPE_VARIABLE:
            case TYPE_VARIABLE_REFERENCE:
            case WILDCARD_TYPE:
                return true;
            case ARRAY:
                return hasTypeVariable(type.asArrayType().elementType());
            case PARAMETERIZED_TYPE:
                return type.asParameterizedType().arguments().stream()
                        .anyMatch(ComponentTemplateProcessor::hasTypeVariable);
            default:
                return false;
        }
    }

    /** The raw type; for a type variable Jandex names the erasure of its first bound. */
    private static String erasure(Type type) {
        if (type.kind() == Type.Kind.ARRAY) {
            return erasure(type.asArrayType().elementType()) + "[]".repeat(type.asArrayType().deepDimensions());
        }
        return type.name().toString();
    }
}
