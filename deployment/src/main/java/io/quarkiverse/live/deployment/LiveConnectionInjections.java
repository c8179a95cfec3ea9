package io.quarkiverse.live.deployment;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.Produces;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.live.LiveConnection;

/**
 * Which classes may be given a {@code LiveConnection} when an instance of them is created. A connection belongs to the
 * mount whose component is being created, so it reaches a component through the component's own injection points or
 * through those of a bean created with it (a {@code @Dependent} bean it injects, that bean's own, and so on).
 * <p>
 * The answer errs on the side of yes: every class of the index counts as a bean, an injection point counts when its type
 * or a type argument ({@code Instance<LiveConnection>}) may be such a class, and a class counts with its superclasses,
 * interfaces and subclasses.
 */
final class LiveConnectionInjections {

    static final DotName LIVE_CONNECTION = DotName.createSimple(LiveConnection.class);
    private static final DotName PRODUCES = DotName.createSimple(Produces.class);
    private static final DotName OBJECT = DotName.createSimple(Object.class);

    private LiveConnectionInjections() {
    }

    /** The names of the classes and interfaces whose instances may be created with a {@code LiveConnection}. */
    static Set<DotName> reaching(IndexView index) {
        Map<DotName, Set<DotName>> injected = injectedTypes(index);
        Set<DotName> reaching = new HashSet<>(Set.of(LIVE_CONNECTION));
        Set<DotName> counted = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<DotName, Set<DotName>> entry : injected.entrySet()) {
                if (!counted.contains(entry.getKey()) && !Collections.disjoint(entry.getValue(), reaching)) {
                    counted.add(entry.getKey());
                    reaching.addAll(relatives(index, entry.getKey()));
                    grew = true;
                }
            }
        }
        return reaching;
    }

    /**
     * The types named by the injection points of each class: its {@code @Inject} fields, initializers and constructors,
     * its sole constructor (Quarkus needs no {@code @Inject} there); the parameters of a producer method count for the
     * type it produces.
     */
    private static Map<DotName, Set<DotName>> injectedTypes(IndexView index) {
        Map<DotName, Set<DotName>> injected = new HashMap<>();
        for (AnnotationInstance inject : index.getAnnotations(LiveDotNames.INJECT)) {
            switch (inject.target().kind()) {
                case FIELD -> addNames(injected, inject.target().asField().declaringClass().name(),
                        List.of(inject.target().asField().type()));
                case METHOD -> addNames(injected, inject.target().asMethod().declaringClass().name(),
                        inject.target().asMethod().parameterTypes());
                default -> {
                }
            }
        }
        for (ClassInfo type : index.getKnownClasses()) {
            List<MethodInfo> constructors = type.constructors();
            if (constructors.size() == 1 && constructors.get(0).parametersCount() > 0) {
                addNames(injected, type.name(), constructors.get(0).parameterTypes());
            }
        }
        for (AnnotationInstance produces : index.getAnnotations(PRODUCES)) {
            if (produces.target().kind() == AnnotationTarget.Kind.METHOD) {
                MethodInfo producer = produces.target().asMethod();
                addNames(injected, producer.returnType().name(), producer.parameterTypes());
            }
        }
        return injected;
    }

    private static void addNames(Map<DotName, Set<DotName>> injected, DotName owner, List<Type> types) {
        Set<DotName> names = injected.computeIfAbsent(owner, ignored -> new HashSet<>());
        types.forEach(type -> addNames(names, type));
    }

    /** The type's name and those of its type arguments, at any depth. */
    private static void addNames(Set<DotName> names, Type type) {
        names.add(type.name());
        if (type.kind() == Type.Kind.PARAMETERIZED_TYPE) {
            type.asParameterizedType().arguments().forEach(argument -> addNames(names, argument));
        } else if (type.kind() == Type.Kind.ARRAY) {
            addNames(names, type.asArrayType().elementType());
        } else if (type.kind() == Type.Kind.WILDCARD_TYPE) {
            addNames(names, type.asWildcardType().extendsBound());
        }
    }

    /**
     * The class, the types an injection point may name to get it (its superclasses and interfaces), and its subclasses
     * (which inherit its injection points).
     */
    private static Set<DotName> relatives(IndexView index, DotName name) {
        Set<DotName> relatives = new HashSet<>();
        Deque<DotName> supertypes = new ArrayDeque<>(List.of(name));
        while (!supertypes.isEmpty()) {
            DotName next = supertypes.poll();
            ClassInfo type = index.getClassByName(next);
            if (relatives.add(next) && type != null) {
                // Nobody injects an Object: counting it would make every Object injection point count
                if (type.superName() != null && !type.superName().equals(OBJECT)) {
                    supertypes.add(type.superName());
                }
                supertypes.addAll(type.interfaceNames());
            }
        }
        index.getAllKnownSubclasses(name).forEach(subclass -> relatives.add(subclass.name()));
        index.getAllKnownImplementors(name).forEach(implementor -> relatives.add(implementor.name()));
        return relatives;
    }
}
