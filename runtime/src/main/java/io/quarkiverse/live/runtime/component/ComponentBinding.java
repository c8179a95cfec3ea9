package io.quarkiverse.live.runtime.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.live.runtime.upload.UploadLimits;

/**
 * What the runtime knows of one component class, and direct access to it. One subclass per {@code @Live} class is
 * generated at build time (a {@code @Singleton} bean named {@code <Component>_LiveBinding}): its methods read fields
 * and call handlers with plain bytecode, so nothing is looked up reflectively at run time.
 */
public abstract class ComponentBinding {

    /** Returned by {@link #read(Object, String)} when the component has no such field or no-arg method. */
    public static final Object NOT_FOUND = new Object() {
        @Override
        public String toString() {
            return "NOT_FOUND";
        }
    };

    private final String name;
    private final String templateId;
    private final Class<?> componentClass;
    private final Map<String, HandlerSignature> handlers = new LinkedHashMap<>();
    private final Map<String, Class<?>> writableFields = new LinkedHashMap<>();
    private final Map<String, String> writableGenericTypes = new LinkedHashMap<>();
    private final List<SharedField> sharedFields = new ArrayList<>();
    private final Set<String> touchingShared = new HashSet<>();
    private final Set<String> dryRunnable = new HashSet<>();
    private final Map<String, UploadLimits> uploadFields = new LinkedHashMap<>();
    private ExecutionModel mountModel = ExecutionModel.EVENT_LOOP;
    private ExecutionModel unmountModel = ExecutionModel.EVENT_LOOP;
    private boolean keepsPageRequest;

    protected ComponentBinding(String name, String templateId, Class<?> componentClass) {
        this.name = name;
        this.templateId = templateId;
        this.componentClass = componentClass;
    }

    /**
     * Called by the generated constructor, once per handler: the parameters' erased types, their full generic types
     * (as {@code java.util.List<org.acme.Plan>}), their names and the name of the handler's {@link ExecutionModel}.
     */
    protected final void handler(String handlerName, Class<?>[] parameterTypes, String[] genericTypes,
            String[] parameterNames, String executionModel) {
        handlers.put(handlerName, new HandlerSignature(name, handlerName, List.of(parameterTypes),
                List.of(genericTypes), List.of(parameterNames), ExecutionModel.valueOf(executionModel)));
    }

    /** Called by the generated constructor: where {@code onMount()} and {@code onUnmount()} run. */
    protected final void lifecycle(String mountModel, String unmountModel) {
        this.mountModel = ExecutionModel.valueOf(mountModel);
        this.unmountModel = ExecutionModel.valueOf(unmountModel);
    }

    /**
     * Called by the generated constructor, once per non-final state field (a prop can set it): its erased type and its
     * full generic type (as {@code java.util.List<org.acme.Todo>}; a type variable as its bound's erasure).
     */
    protected final void writableField(String fieldName, Class<?> type, String genericType) {
        writableFields.put(fieldName, type);
        writableGenericTypes.put(fieldName, genericType);
    }

    /**
     * Called by the generated constructor, once per {@code @Shared} field: its key and its full generic type (as
     * {@code java.util.List<org.acme.Message>}).
     */
    protected final void sharedField(String fieldName, String key, String genericType) {
        sharedFields.add(new SharedField(fieldName, key, genericType));
    }

    /** Called by the generated constructor for each handler that may read or change a {@code @Shared} field. */
    protected final void sharedHandler(String handlerName) {
        touchingShared.add(handlerName);
    }

    /**
     * Called by the generated constructor for each handler the build made a dry run possible for: its parameters carry
     * annotations, constraints among them perhaps.
     */
    protected final void dryRunnableHandler(String handlerName) {
        dryRunnable.add(handlerName);
    }

    /**
     * Called by the generated constructor for each {@code UploadedFile} or {@code List<UploadedFile>} handler
     * parameter: its name, which the form's file field has, and its {@code @Upload} limits ({@code maxSize} 0: the
     * configured one; {@code accept} comma-separated).
     */
    protected final void uploadField(String parameter, long maxSize, int maxFiles, String accept, boolean multiple) {
        List<String> types = accept.isEmpty() ? List.of() : List.of(accept.split(","));
        uploadFields.putIfAbsent(parameter, new UploadLimits(maxSize, maxFiles, types, multiple));
    }

    /** The limits of the upload field of that name, or {@code null} when no handler takes files by that name. */
    public UploadLimits uploadLimits(String field) {
        return uploadFields.get(field);
    }

    /** Whether any handler takes files. */
    public boolean takesUploads() {
        return !uploadFields.isEmpty();
    }

    /**
     * Whether a call of the handler can be made as a dry run, its arguments validated and the handler not run: when it
     * cannot, its arguments carry no constraints to check.
     */
    public boolean dryRunnable(String handlerName) {
        return dryRunnable.contains(handlerName);
    }

    /**
     * Called at start-up when the build found that the component may read its page request through
     * {@code LiveConnection} (a bean created with it injects one), or its template may mount a component that does.
     */
    void keepPageRequest() {
        keepsPageRequest = true;
    }

    /**
     * Whether a mount keeps a copy of the page request's headers and query parameters, for its {@code LiveConnection}
     * or for the children its template mounts later, when no request is being served. Other components see none.
     */
    public boolean keepsPageRequest() {
        return keepsPageRequest;
    }

    /**
     * Whether the handler may read or change a {@code @Shared} field, as the build read its bytecode: only such
     * handlers run holding the shared locks.
     */
    public boolean touchesShared(String handlerName) {
        return touchingShared.contains(handlerName);
    }

    /** The component's simple class name, as used in {@code {#live Name /}} and {@code data-live-component}. */
    public String name() {
        return name;
    }

    /** The template id, relative to {@code templates/}. */
    public String templateId() {
        return templateId;
    }

    public Class<?> componentClass() {
        return componentClass;
    }

    /** The handler of that name, or {@code null} when there is no such handler. */
    public HandlerSignature handler(String handlerName) {
        return handlers.get(handlerName);
    }

    public List<String> handlerNames() {
        return List.copyOf(handlers.keySet());
    }

    /** Where {@code onMount()} runs (the event loop when the component has none). */
    public ExecutionModel mountModel() {
        return mountModel;
    }

    /** Where {@code onUnmount()} runs (the event loop when the component has none). */
    public ExecutionModel unmountModel() {
        return unmountModel;
    }

    /** The state fields a prop may set, with their types. */
    public Map<String, Class<?>> writableFields() {
        return Collections.unmodifiableMap(writableFields);
    }

    /**
     * The full generic types of the state fields a prop may set, in Java source form: what a dev-mode restart reads a
     * kept value back into.
     */
    public Map<String, String> writableGenericTypes() {
        return Collections.unmodifiableMap(writableGenericTypes);
    }

    /** The {@code @Shared} fields, in declaration order. */
    public List<SharedField> sharedFields() {
        return Collections.unmodifiableList(sharedFields);
    }

    /** A {@code @Shared} field: its name, its key and its generic type in Java source form. */
    public record SharedField(String field, String key, String genericType) {
    }

    /** The value of the field, or the result of the no-arg method, of that name; {@link #NOT_FOUND} when none. */
    public abstract Object read(Object component, String property);

    /** Sets a writable field; {@code value} must already be of the field's type (boxed for primitives). */
    public abstract void write(Object component, String field, Object value);

    /**
     * Calls a handler; {@code args} must already be converted to the parameter types. Returns what the handler
     * returned: {@code null}, a {@code Uni} or a {@code CompletionStage}.
     */
    public abstract Object invoke(Object component, String handler, Object[] args) throws Exception;

    /** Calls {@code onMount()} when the component declares it. */
    public abstract void mounted(Object component);

    /** Calls {@code onUnmount()} when the component declares it. */
    public abstract void unmounted(Object component);
}
