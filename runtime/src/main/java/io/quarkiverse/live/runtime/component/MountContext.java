package io.quarkiverse.live.runtime.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * What a component learns of its browser when it is mounted: the request headers and query parameters of the page, and
 * the mounted component itself once it exists. Beans injected into the component while it is created (the public
 * {@code LiveConnection} and {@code Presence}) find it through {@link #current(String)}.
 * <p>
 * Only a component that may read the page request through {@code LiveConnection}, or whose template may mount one that
 * does, keeps a copy of it ({@link ComponentBinding#keepsPageRequest()}, decided at build time): the copy takes one to
 * a few kilobytes, and every page load keeps its components until their browser joins them.
 */
public final class MountContext {

    private static final ThreadLocal<MountContext> CURRENT = new ThreadLocal<>();
    private static final PageRequest NO_REQUEST = new PageRequest(Map.of(), Map.of());

    private final String id;
    private final PageRequest request;
    private volatile MountedComponent component;
    private volatile JsonObject description;

    private MountContext(String id, PageRequest request) {
        this.id = id;
        this.request = request;
    }

    /**
     * The context of a new mount: a child inherits its parent's request; a page's component reads the HTTP request
     * being served, when there is one. A component that does not keep the page request sees none.
     */
    static MountContext capture(String id, MountedComponent parent, boolean keepRequest) {
        if (!keepRequest) {
            return new MountContext(id, NO_REQUEST);
        }
        if (parent != null) {
            return new MountContext(id, parent.context().request);
        }
        RoutingContext request = currentRequest();
        if (request == null) {
            return new MountContext(id, NO_REQUEST);
        }
        return new MountContext(id, new PageRequest(copy(request.request().headers(), true),
                copy(request.queryParams(), false)));
    }

    private static RoutingContext currentRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
    }

    private static Map<String, List<String>> copy(MultiMap values, boolean lowerCaseNames) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String name : values.names()) {
            copy.put(lowerCaseNames ? name.toLowerCase(Locale.ROOT) : name, List.copyOf(values.getAll(name)));
        }
        return Map.copyOf(copy);
    }

    /**
     * The mount whose component instance this thread is creating, for a bean that belongs to one component.
     *
     * @throws IllegalStateException naming the bean when it is injected anywhere but into a component
     */
    public static MountContext current(String bean) {
        MountContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException(bean + " belongs to one mounted component: inject it into a @Live"
                    + " component only");
        }
        return context;
    }

    /** Makes the context current while {@code creation} creates the component's instance. */
    static <T> T creating(MountContext context, Supplier<T> creation) {
        MountContext previous = CURRENT.get();
        CURRENT.set(context);
        try {
            return creation.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    void attach(MountedComponent component) {
        this.component = component;
    }

    /**
     * What another node of the cluster needs to mount this component again (its name, id and props), which a page's
     * claim carries for it and its children; {@code null} outside a cluster, when a prop is not a plain value, and once
     * the component has been joined (a page gives out claims only before).
     */
    public JsonObject description() {
        return description;
    }

    public void describe(JsonObject description) {
        this.description = description;
    }

    /** The component's id. */
    public String id() {
        return id;
    }

    /** The mounted component; {@code null} only while its instance is being created. */
    public MountedComponent component() {
        return component;
    }

    public Map<String, List<String>> headers() {
        return request.headers();
    }

    public Map<String, List<String>> queryParameters() {
        return request.queryParameters();
    }

    /** The headers (names in lower case) and query parameters of the page request, as copied at mount. */
    private record PageRequest(Map<String, List<String>> headers, Map<String, List<String>> queryParameters) {
    }
}
