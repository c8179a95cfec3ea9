package io.quarkiverse.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What belongs to the browser of one mounted component, and a way to update it from work that completes later.
 * Inject it into a {@link Live} component:
 *
 * <pre>
 * &#64;Inject LiveConnection connection;
 *
 * void onMount() {
 *     String name = connection.queryParameter("name");
 *     timer = vertx.setPeriodic(1000, id -> connection.update(() -> seconds++));
 * }
 * </pre>
 *
 * The user is Quarkus Security's: {@code @Inject SecurityIdentity} in a component sees the connection's user in every
 * handler. Headers and query parameters are those of the HTTP request that rendered the page (a component mounted by
 * another's template sees its parent's).
 */
public interface LiveConnection {

    /** An id of the component's mount, the same across reconnections of its browser; not a secret. */
    String id();

    /** The request headers seen at mount, names in lower case. */
    Map<String, List<String>> headers();

    /** The first value of the request header seen at mount, or {@code null}. */
    String header(String name);

    /** The query parameters of the page's URL at mount. */
    Map<String, List<String>> queryParameters();

    /** The first value of the query parameter at mount, or {@code null}. */
    String queryParameter(String name);

    /**
     * Runs {@code change} on the component, in turn with its events (never at the same time as a handler), then
     * renders it and sends the new HTML to its browser when it changed. Callable from any thread: a timer, a
     * {@code Uni} that completes later, a message consumer. While the browser is away the change still applies and
     * the browser gets the result when it reconnects.
     *
     * @return completes once the change ran and the update was sent; fails when {@code change} threw or the
     *         component is no longer mounted
     */
    CompletionStage<Void> update(Runnable change);
}
