package io.quarkiverse.live.deployment;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.live.runtime.component.ExecutionModel;
import io.quarkus.arc.deployment.CustomScopeAnnotationsBuildItem;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;

/**
 * Finds the {@code @Live} classes and decides, once for every later step, what their state, handlers and lifecycle
 * methods are.
 */
public class ComponentScanProcessor {

    static final String ON_MOUNT = "onMount";
    static final String ON_UNMOUNT = "onUnmount";

    @BuildStep
    void collectComponents(CombinedIndexBuildItem combinedIndex, CustomScopeAnnotationsBuildItem scopes,
            BuildProducer<LiveComponentBuildItem> components) {
        IndexView index = combinedIndex.getIndex();
        List<String> problems = new ArrayList<>();
        Map<String, ClassInfo> bySimpleName = new HashMap<>();
        Map<String, ClassInfo> byPagePath = new HashMap<>();
        List<LiveComponentBuildItem> found = new ArrayList<>();
        for (AnnotationInstance live : index.getAnnotations(LiveDotNames.LIVE)) {
            ClassInfo component = live.target().asClass();
            ClassInfo sameName = bySimpleName.putIfAbsent(component.simpleName(), component);
            if (sameName != null) {
                problems.add("Live components " + sameName.name() + " and " + component.name()
                        + " have the same simple name '" + component.simpleName()
                        + "'; components are named by simple name in templates and on the wire, so rename one");
                continue;
            }
            LiveComponentBuildItem item = describe(component, live, scopes, index, problems);
            if (item != null) {
                found.add(item);
                ClassInfo samePath = item.pagePath() == null ? null : byPagePath.putIfAbsent(item.pagePath(), component);
                if (samePath != null) {
                    problems.add("Live components " + samePath.name() + " and " + component.name()
                            + " are both served at @Live(path = \"" + item.pagePath() + "\"); give each its own path");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new LiveBuildException(problems);
        }
        found.forEach(components::produce);
    }

    private static LiveComponentBuildItem describe(ClassInfo component, AnnotationInstance live,
            CustomScopeAnnotationsBuildItem scopes, IndexView index,
            List<String> problems) {
        String where = "Live component " + component.name();
        if (component.isInterface() || Modifier.isAbstract(component.flags())) {
            problems.add(where + " must be a concrete class");
            return null;
        }
        if (component.nestingType() == ClassInfo.NestingType.INNER && !Modifier.isStatic(component.flags())) {
            problems.add(where + " is an inner class; make it static or top-level");
            return null;
        }
        // A normal scope would share one instance between all users, and its client proxy would hide the state from
        // the generated accessors (they would read the proxy's own fields); @Singleton would share it too
        Optional<AnnotationInstance> scope = scopes.getScope(component.declaredAnnotations());
        if (scope.isPresent() && !scope.get().name().equals(BuiltinScope.DEPENDENT.getName())) {
            problems.add(where + " is @" + scope.get().name().withoutPackagePrefix() + ", but a component holds the"
                    + " state of one mount and is created per mount (@Dependent): remove the scope annotation");
            return null;
        }
        List<FieldInfo> state = new ArrayList<>();
        Map<String, String> sharedKeys = new HashMap<>();
        for (FieldInfo field : component.fields()) {
            if (!Modifier.isStatic(field.flags()) && !field.isSynthetic() && !isInjected(field, index)) {
                state.add(field);
                String key = SharedFields.key(field);
                if (key != null) {
                    sharedKeys.put(field.name(), key);
                }
            }
        }
        List<MethodInfo> handlers = new ArrayList<>();
        List<MethodInfo> readers = new ArrayList<>();
        MethodInfo onMount = null;
        MethodInfo onUnmount = null;
        Map<String, MethodInfo> handlerNames = new HashMap<>();
        Map<String, ExecutionModel> executionModels = new HashMap<>();
        for (MethodInfo method : component.unsortedMethods()) {
            if (method.isConstructor() || method.isStaticInitializer() || method.isSynthetic()
                    || Modifier.isStatic(method.flags())) {
                continue;
            }
            if (isLifecycleName(method) && !isLifecycle(method)) {
                problems.add(where + ": " + method.name() + " must be declared as void " + method.name()
                        + "() with no parameters; Quarkus Live calls it by that name, and a client never can");
                continue;
            }
            if (isLifecycle(method)) {
                if (Modifier.isPrivate(method.flags())) {
                    problems.add(where + ": " + method.name() + "() must not be private, Quarkus Live calls it");
                } else if (method.name().equals(ON_MOUNT)) {
                    onMount = method;
                } else {
                    onUnmount = method;
                }
                executionModels.put(method.name(), ExecutionModels.of(method, component, problems));
                continue;
            }
            if (Modifier.isPrivate(method.flags())) {
                continue;
            }
            if (Handlers.isHandler(method)) {
                MethodInfo overload = handlerNames.putIfAbsent(method.name(), method);
                if (overload != null) {
                    problems.add(where + ": handler '" + method.name() + "' is overloaded; a template names handlers"
                            + " by name only, so give each overload its own name");
                    continue;
                }
                for (int i = 0; i < method.parametersCount(); i++) {
                    Type type = method.parameterType(i);
                    String reason = Handlers.unbindableReason(type, index);
                    if (reason != null) {
                        problems.add(where + ": parameter '" + method.parameterName(i) + "' of handler "
                                + method.name() + "() has type " + Handlers.canonicalName(type)
                                + ", which cannot be bound from client input: " + reason);
                    }
                }
                handlers.add(method);
                executionModels.put(method.name(), ExecutionModels.of(method, component, problems));
            } else if (method.parametersCount() == 0 && method.returnType().kind() != Type.Kind.VOID) {
                readers.add(method);
            }
        }
        return new LiveComponentBuildItem(component, templateId(component, live), pagePath(live, where, problems), state,
                handlers, readers, onMount, onUnmount, executionModels, sharedKeys);
    }

    private static boolean isLifecycleName(MethodInfo method) {
        return method.name().equals(ON_MOUNT) || method.name().equals(ON_UNMOUNT);
    }

    private static boolean isLifecycle(MethodInfo method) {
        return isLifecycleName(method) && method.parametersCount() == 0 && method.returnType().kind() == Type.Kind.VOID;
    }

    private static String templateId(ClassInfo component, AnnotationInstance live) {
        AnnotationValue template = live.value("template");
        if (template != null && !template.asString().isBlank()) {
            String id = template.asString().strip();
            id = id.startsWith("/") ? id.substring(1) : id;
            // "counter/main" names counter/main.html, as Qute's own lookups do
            return id.substring(id.lastIndexOf('/') + 1).contains(".") ? id : id + ".html";
        }
        return component.simpleName() + ".html";
    }

    private static String pagePath(AnnotationInstance live, String where, List<String> problems) {
        AnnotationValue path = live.value("path");
        if (path == null || path.asString().isBlank()) {
            return null;
        }
        String value = path.asString().strip();
        if (!value.startsWith("/")) {
            problems.add(where + ": @Live(path = \"" + value + "\") must start with '/'");
        }
        return value;
    }

    /**
     * Whether CDI fills the field, which makes it no state: {@code @Inject}, or an annotation Quarkus injects without it
     * ({@code @ConfigProperty}, or any qualifier the index knows). The auto-injected annotations cannot be read from
     * ArC's build items here: they come after the beans this step's output generates.
     */
    private static boolean isInjected(FieldInfo field, IndexView index) {
        for (AnnotationInstance annotation : field.declaredAnnotations()) {
            if (annotation.name().equals(LiveDotNames.INJECT)
                    || annotation.name().equals(LiveDotNames.CONFIG_PROPERTY)) {
                return true;
            }
            ClassInfo type = index.getClassByName(annotation.name());
            if (type != null && type.hasDeclaredAnnotation(LiveDotNames.QUALIFIER)) {
                return true;
            }
        }
        return false;
    }
}
