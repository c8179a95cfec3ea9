package io.quarkiverse.live.deployment;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;
import org.objectweb.asm.Opcodes;

import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmoAdaptor;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.BytecodeTransformerBuildItem;
import io.quarkus.gizmo.BytecodeCreator;
import io.quarkus.gizmo.ClassCreator;
import io.quarkus.gizmo.ClassTransformer;
import io.quarkus.gizmo.DescriptorUtils;
import io.quarkus.gizmo.FieldDescriptor;
import io.quarkus.gizmo.MethodCreator;
import io.quarkus.gizmo.MethodDescriptor;
import io.quarkus.gizmo.ResultHandle;

/**
 * Generates the code that lets the runtime use a component without reflection.
 * <p>
 * Each component class gets public accessors for its state fields, whatever their visibility:
 *
 * <pre>
 * public int $$live$get$count() { return this.count; }
 * public void $$live$set$count(int value) { this.count = value; }   // not for final fields
 * </pre>
 *
 * and a binding bean in its own package, so package-private handlers can be called directly:
 *
 * <pre>
 * &#64;Singleton
 * class Counter_LiveBinding extends ComponentBinding {
 *     Counter_LiveBinding() {
 *         super("Counter", "Counter.html", Counter.class);
 *         handler("add", new Class[] { int.class }, new String[] { "int" }, new String[] { "amount" }, "EVENT_LOOP");
 *         lifecycle("WORKER", "EVENT_LOOP");  // where onMount() and onUnmount() run
 *         writableField("count", int.class, "int");
 *         sharedField("total", "Counter.total", "int");   // per @Shared field: its key and generic type
 *         sharedHandler("add");   // per handler that may read or change a @Shared field (see SharedFieldUse)
 *     }
 *     Object read(Object c, String name) { if ("count".equals(name)) return ((Counter) c).$$live$get$count(); ... return NOT_FOUND; }
 *     void write(Object c, String name, Object v) { if ("count".equals(name)) { ((Counter) c).$$live$set$count(((Integer) v).intValue()); return; } ... }
 *     Object invoke(Object c, String handler, Object[] args) { if ("add".equals(handler)) { ((Counter) c).add(((Integer) args[0]).intValue()); return null; } ... }
 *     void mounted(Object c) { ((Counter) c).onMount(); }
 *     void unmounted(Object c) { }
 * }
 * </pre>
 */
public class ComponentCodeProcessor {

    static final String GETTER_PREFIX = "$$live$get$";
    static final String SETTER_PREFIX = "$$live$set$";
    static final String BINDING_SUFFIX = "_LiveBinding";

    private static final MethodDescriptor EQUALS = MethodDescriptor.ofMethod(Object.class, "equals", boolean.class,
            Object.class);
    private static final Map<PrimitiveType.Primitive, Class<?>> BOXES = Map.of(
            PrimitiveType.Primitive.INT, Integer.class, PrimitiveType.Primitive.LONG, Long.class,
            PrimitiveType.Primitive.SHORT, Short.class, PrimitiveType.Primitive.BYTE, Byte.class,
            PrimitiveType.Primitive.DOUBLE, Double.class, PrimitiveType.Primitive.FLOAT, Float.class,
            PrimitiveType.Primitive.BOOLEAN, Boolean.class, PrimitiveType.Primitive.CHAR, Character.class);

    @BuildStep
    void addStateAccessors(List<LiveComponentBuildItem> components,
            BuildProducer<BytecodeTransformerBuildItem> transformers) {
        for (LiveComponentBuildItem component : components) {
            String className = component.componentClass().name().toString();
            List<FieldInfo> fields = component.stateFields();
            transformers.produce(new BytecodeTransformerBuildItem(className, (name, visitor) -> {
                ClassTransformer transformer = new ClassTransformer(className);
                for (FieldInfo field : fields) {
                    String type = DescriptorUtils.typeToString(field.type());
                    MethodCreator getter = transformer.addMethod(GETTER_PREFIX + field.name(), type);
                    getter.setModifiers(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC);
                    getter.returnValue(getter.readInstanceField(FieldDescriptor.of(field), getter.getThis()));
                    if (!Modifier.isFinal(field.flags())) {
                        MethodCreator setter = transformer.addMethod(SETTER_PREFIX + field.name(), "V", type);
                        setter.setModifiers(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC);
                        setter.writeInstanceField(FieldDescriptor.of(field), setter.getThis(), setter.getMethodParam(0));
                        setter.returnValue(null);
                    }
                }
                return transformer.applyTo(visitor);
            }));
        }
    }

    @BuildStep
    void generateBindings(List<LiveComponentBuildItem> components, BuildProducer<GeneratedBeanBuildItem> generatedBeans,
            BuildProducer<UnremovableBeanBuildItem> unremovable) {
        GeneratedBeanGizmoAdaptor output = new GeneratedBeanGizmoAdaptor(generatedBeans);
        for (LiveComponentBuildItem component : components) {
            String className = component.componentClass().name().toString();
            try (ClassCreator binding = ClassCreator.builder().classOutput(output)
                    .className(className + BINDING_SUFFIX).superClass(ComponentBinding.class).build()) {
                binding.addAnnotation(Singleton.class);
                generateConstructor(binding, component);
                generateRead(binding, component);
                generateWrite(binding, component);
                generateInvoke(binding, component);
                generateLifecycle(binding, "mounted", component.onMount(), className);
                generateLifecycle(binding, "unmounted", component.onUnmount(), className);
            }
        }
        unremovable.produce(UnremovableBeanBuildItem.beanTypes(ComponentBinding.class));
    }

    private static void generateConstructor(ClassCreator binding, LiveComponentBuildItem component) {
        MethodCreator ctor = binding.getMethodCreator("<init>", void.class);
        ctor.setModifiers(Opcodes.ACC_PUBLIC);
        ctor.invokeSpecialMethod(
                MethodDescriptor.ofConstructor(ComponentBinding.class, String.class, String.class, Class.class),
                ctor.getThis(), ctor.load(component.name()), ctor.load(component.templateId()),
                ctor.loadClass(component.componentClass().name().toString()));
        // Owned by the generated class: the verifier allows protected access only through the subclass type
        String self = component.componentClass().name() + BINDING_SUFFIX;
        MethodDescriptor handler = MethodDescriptor.ofMethod(self, "handler", void.class, String.class,
                Class[].class, String[].class, String[].class, String.class);
        Set<String> sharedFields = new HashSet<>();
        component.stateFields().stream().filter(field -> component.sharedKey(field) != null)
                .forEach(field -> sharedFields.add(field.name()));
        SharedFieldUse sharedUse = sharedFields.isEmpty() ? null
                : SharedFieldUse.of(component.componentClass().name().toString(), sharedFields);
        MethodDescriptor sharedHandler = MethodDescriptor.ofMethod(self, "sharedHandler", void.class, String.class);
        MethodDescriptor dryRunnableHandler = MethodDescriptor.ofMethod(self, "dryRunnableHandler", void.class,
                String.class);
        for (MethodInfo method : component.handlers()) {
            if (sharedUse != null && sharedUse.mayTouch(method.name(), method.descriptor())) {
                ctor.invokeVirtualMethod(sharedHandler, ctor.getThis(), ctor.load(method.name()));
            }
            if (Handlers.isDryRunnable(method)) {
                ctor.invokeVirtualMethod(dryRunnableHandler, ctor.getThis(), ctor.load(method.name()));
            }
            for (int i = 0; i < method.parametersCount(); i++) {
                if (Handlers.isUpload(method.parameterType(i))) {
                    generateUploadField(ctor, self, method, i);
                }
            }
            int count = method.parametersCount();
            ResultHandle types = ctor.newArray(Class.class, count);
            ResultHandle genericTypes = ctor.newArray(String.class, count);
            ResultHandle names = ctor.newArray(String.class, count);
            for (int i = 0; i < count; i++) {
                ctor.writeArrayValue(types, i, loadType(ctor, method.parameterType(i)));
                ctor.writeArrayValue(genericTypes, i, ctor.load(Handlers.canonicalName(method.parameterType(i))));
                ctor.writeArrayValue(names, i, ctor.load(method.parameterName(i)));
            }
            ctor.invokeVirtualMethod(handler, ctor.getThis(), ctor.load(method.name()), types, genericTypes, names,
                    ctor.load(component.executionModel(method.name()).name()));
        }
        ctor.invokeVirtualMethod(MethodDescriptor.ofMethod(self, "lifecycle", void.class, String.class, String.class),
                ctor.getThis(), ctor.load(component.executionModel(ComponentScanProcessor.ON_MOUNT).name()),
                ctor.load(component.executionModel(ComponentScanProcessor.ON_UNMOUNT).name()));
        MethodDescriptor sharedField = MethodDescriptor.ofMethod(self, "sharedField", void.class, String.class,
                String.class, String.class);
        for (FieldInfo field : component.stateFields()) {
            String key = component.sharedKey(field);
            if (key != null) {
                ctor.invokeVirtualMethod(sharedField, ctor.getThis(), ctor.load(field.name()), ctor.load(key),
                        ctor.load(Handlers.canonicalName(field.type())));
            }
        }
        MethodDescriptor writableField = MethodDescriptor.ofMethod(self, "writableField", void.class,
                String.class, Class.class, String.class);
        for (FieldInfo field : component.stateFields()) {
            if (!Modifier.isFinal(field.flags())) {
                ctor.invokeVirtualMethod(writableField, ctor.getThis(), ctor.load(field.name()),
                        loadType(ctor, field.type()), ctor.load(Handlers.resolvableName(field.type())));
            }
        }
        ctor.returnValue(null);
    }

    private static void generateRead(ClassCreator binding, LiveComponentBuildItem component) {
        String className = component.componentClass().name().toString();
        MethodCreator read = binding.getMethodCreator("read", Object.class, Object.class, String.class);
        read.setModifiers(Opcodes.ACC_PUBLIC);
        ResultHandle instance = read.checkCast(read.getMethodParam(0), className);
        ResultHandle name = read.getMethodParam(1);
        Set<String> names = new HashSet<>();
        for (FieldInfo field : component.stateFields()) {
            names.add(field.name());
            BytecodeCreator match = read.ifTrue(read.invokeVirtualMethod(EQUALS, read.load(field.name()), name))
                    .trueBranch();
            ResultHandle value = match.invokeVirtualMethod(MethodDescriptor.ofMethod(className,
                    GETTER_PREFIX + field.name(), DescriptorUtils.typeToString(field.type())), instance);
            match.returnValue(box(match, value, field.type()));
        }
        for (MethodInfo reader : component.readers()) {
            // A field wins over a method of the same name, as in Qute
            if (names.add(reader.name())) {
                BytecodeCreator match = read.ifTrue(read.invokeVirtualMethod(EQUALS, read.load(reader.name()), name))
                        .trueBranch();
                match.returnValue(box(match, match.invokeVirtualMethod(MethodDescriptor.of(reader), instance),
                        reader.returnType()));
            }
        }
        read.returnValue(read.readStaticField(FieldDescriptor.of(ComponentBinding.class, "NOT_FOUND", Object.class)));
    }

    private static void generateWrite(ClassCreator binding, LiveComponentBuildItem component) {
        String className = component.componentClass().name().toString();
        MethodCreator write = binding.getMethodCreator("write", void.class, Object.class, String.class, Object.class);
        write.setModifiers(Opcodes.ACC_PUBLIC);
        ResultHandle instance = write.checkCast(write.getMethodParam(0), className);
        ResultHandle name = write.getMethodParam(1);
        for (FieldInfo field : component.stateFields()) {
            if (Modifier.isFinal(field.flags())) {
                continue;
            }
            BytecodeCreator match = write.ifTrue(write.invokeVirtualMethod(EQUALS, write.load(field.name()), name))
                    .trueBranch();
            String type = DescriptorUtils.typeToString(field.type());
            match.invokeVirtualMethod(MethodDescriptor.ofMethod(className, SETTER_PREFIX + field.name(), "V", type),
                    instance, unbox(match, write.getMethodParam(2), field.type()));
            match.returnValue(null);
        }
        write.throwException(IllegalArgumentException.class, "No writable field of that name");
    }

    private static void generateInvoke(ClassCreator binding, LiveComponentBuildItem component) {
        String className = component.componentClass().name().toString();
        MethodCreator invoke = binding.getMethodCreator("invoke", Object.class, Object.class, String.class,
                Object[].class);
        invoke.setModifiers(Opcodes.ACC_PUBLIC);
        invoke.addException(Exception.class);
        ResultHandle instance = invoke.checkCast(invoke.getMethodParam(0), className);
        ResultHandle name = invoke.getMethodParam(1);
        ResultHandle args = invoke.getMethodParam(2);
        for (MethodInfo method : component.handlers()) {
            BytecodeCreator match = invoke.ifTrue(invoke.invokeVirtualMethod(EQUALS, invoke.load(method.name()), name))
                    .trueBranch();
            ResultHandle[] params = new ResultHandle[method.parametersCount()];
            for (int i = 0; i < params.length; i++) {
                params[i] = unbox(match, match.readArrayValue(args, i), method.parameterType(i));
            }
            ResultHandle result = match.invokeVirtualMethod(MethodDescriptor.of(method), instance, params);
            match.returnValue(method.returnType().kind() == Type.Kind.VOID ? match.loadNull() : result);
        }
        invoke.throwException(IllegalArgumentException.class, "No handler of that name");
    }

    private static void generateLifecycle(ClassCreator binding, String name, MethodInfo method, String className) {
        MethodCreator lifecycle = binding.getMethodCreator(name, void.class, Object.class);
        lifecycle.setModifiers(Opcodes.ACC_PUBLIC);
        if (method != null) {
            lifecycle.invokeVirtualMethod(MethodDescriptor.of(method),
                    lifecycle.checkCast(lifecycle.getMethodParam(0), className));
        }
        lifecycle.returnValue(null);
    }

    /** Registers an upload parameter with its {@code @Upload} limits, or the defaults when it has none. */
    private static void generateUploadField(MethodCreator ctor, String self, MethodInfo method, int position) {
        AnnotationInstance upload = method.annotations(LiveDotNames.UPLOAD).stream()
                .filter(a -> a.target().kind() == AnnotationTarget.Kind.METHOD_PARAMETER
                        && a.target().asMethodParameter().position() == position)
                .findFirst().orElse(null);
        long maxSize = upload == null || upload.value("maxSize") == null ? 0 : upload.value("maxSize").asLong();
        int maxFiles = upload == null || upload.value("maxFiles") == null ? 10 : upload.value("maxFiles").asInt();
        String accept = upload == null || upload.value("accept") == null ? ""
                : String.join(",", upload.value("accept").asStringArray());
        ctor.invokeVirtualMethod(MethodDescriptor.ofMethod(self, "uploadField", void.class, String.class, long.class,
                int.class, String.class, boolean.class), ctor.getThis(), ctor.load(method.parameterName(position)),
                ctor.load(maxSize), ctor.load(maxFiles), ctor.load(accept),
                ctor.load(Handlers.isMultipleUpload(method.parameterType(position))));
    }

    /** {@code int.class} is {@code Integer.TYPE} in bytecode; other types are class literals. */
    private static ResultHandle loadType(BytecodeCreator creator, Type type) {
        if (type.kind() == Type.Kind.PRIMITIVE) {
            Class<?> box = BOXES.get(type.asPrimitiveType().primitive());
            return creator.readStaticField(FieldDescriptor.of(box, "TYPE", Class.class));
        }
        return creator.loadClass(type.name().toString());
    }

    private static Class<?> primitiveClass(Type type) {
        try {
            return (Class<?>) BOXES.get(type.asPrimitiveType().primitive()).getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResultHandle box(BytecodeCreator creator, ResultHandle value, Type type) {
        if (type.kind() != Type.Kind.PRIMITIVE) {
            return value;
        }
        Class<?> box = BOXES.get(type.asPrimitiveType().primitive());
        return creator.invokeStaticMethod(MethodDescriptor.ofMethod(box, "valueOf", box, primitiveClass(type)), value);
    }

    private static ResultHandle unbox(BytecodeCreator creator, ResultHandle value, Type type) {
        if (type.kind() != Type.Kind.PRIMITIVE) {
            return creator.checkCast(value, type.name().toString());
        }
        Class<?> box = BOXES.get(type.asPrimitiveType().primitive());
        Class<?> primitive = primitiveClass(type);
        ResultHandle boxed = creator.checkCast(value, box);
        return creator.invokeVirtualMethod(MethodDescriptor.ofMethod(box, primitive.getName() + "Value", primitive),
                boxed);
    }
}
