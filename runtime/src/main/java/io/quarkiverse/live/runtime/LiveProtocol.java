package io.quarkiverse.live.runtime;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Speaks protocol version 1 on one carrier connection: reads each message, checks every field before anything reaches
 * user code, runs the request on the component's task queue and answers it. A bad request gets an {@code error} reply
 * and changes nothing; the connection stays open for the next one.
 */
@Singleton
public class LiveProtocol {

    static final int VERSION = 1;
    private static final Logger LOG = Logger.getLogger(LiveProtocol.class);

    private final LiveMounts mounts;
    private final ComponentRenderer renderer;
    private final ArgumentBinder binder;
    private final int maxMessageSize;
    private final boolean devMode = LaunchMode.current() == LaunchMode.DEVELOPMENT;

    LiveProtocol(LiveMounts mounts, ComponentRenderer renderer, ArgumentBinder binder, LiveRuntimeConfig config) {
        this.mounts = mounts;
        this.renderer = renderer;
        this.binder = binder;
        this.maxMessageSize = config.maxMessageSize();
    }

    void opened(WebSocketConnection connection) {
        connection.userData().put(LiveSession.KEY,
                new LiveSession(LiveSession.languages(connection.handshakeRequest().header("Accept-Language"))));
    }

    void receivedBinary(WebSocketConnection connection) {
        send(connection, Replies.error(null, null, Replies.BINARY_NOT_SUPPORTED,
                "Binary frames are not supported; send JSON text frames"));
    }

    void closed(WebSocketConnection connection) {
        LiveSession session = connection.userData().get(LiveSession.KEY);
        if (session == null) {
            return;
        }
        for (MountedComponent component : session.all()) {
            component.enqueue(() -> {
                try {
                    component.binding().unmounted(component.instance());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "onUnmount() of %s failed", component.binding().name());
                } finally {
                    component.destroy();
                }
                return CompletableFuture.completedFuture(null);
            });
        }
        session.clear();
    }

    void received(WebSocketConnection connection, String text) {
        if (text.length() > maxMessageSize) {
            send(connection, Replies.error(null, null, Replies.TOO_LARGE, "Message of " + text.length()
                    + " characters refused; the limit is quarkus.live.max-message-size=" + maxMessageSize));
            return;
        }
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            send(connection, Replies.error(null, null, Replies.MALFORMED, "Not a JSON object"));
            return;
        }
        Request request;
        try {
            request = Request.of(message);
        } catch (BadRequest e) {
            send(connection, Replies.error(e.ref, e.id, e.code, e.getMessage()));
            return;
        }
        LiveSession session = connection.userData().get(LiveSession.KEY);
        switch (request.type) {
            case "join" -> join(connection, session, request);
            case "event" -> event(connection, session, request);
            default -> send(connection, Replies.error(request.ref, request.id, Replies.UNKNOWN_MESSAGE,
                    "Unknown message type '" + request.type + "'; expected 'join' or 'event'"));
        }
    }

    private void join(WebSocketConnection connection, LiveSession session, Request request) {
        if (session.contains(request.id)) {
            send(connection, Replies.error(request.ref, request.id, Replies.UNKNOWN_COMPONENT,
                    "Component " + request.id + " is already joined on this connection"));
            return;
        }
        MountedComponent component = mounts.claim(request.id);
        if (component == null) {
            send(connection, Replies.error(request.ref, request.id, Replies.UNKNOWN_COMPONENT,
                    "No component with id " + request.id + " is waiting to be joined; reload the page"));
            return;
        }
        component.attach(Vertx.currentContext());
        session.add(component);
        component.enqueue(() -> {
            try {
                component.binding().mounted(component.instance());
            } catch (RuntimeException e) {
                return failed(connection, request, component, "onMount()", e);
            }
            return renderAndAnswer(connection, request, component);
        });
    }

    private void event(WebSocketConnection connection, LiveSession session, Request request) {
        MountedComponent component = session.get(request.id);
        if (component == null) {
            send(connection, Replies.error(request.ref, request.id, Replies.UNKNOWN_COMPONENT,
                    "No component with id " + request.id + " is joined on this connection"));
            return;
        }
        ComponentBinding binding = component.binding();
        HandlerSignature handler = binding.handler(request.handler);
        if (handler == null) {
            send(connection, Replies.error(request.ref, request.id, Replies.UNKNOWN_HANDLER,
                    binding.name() + " has no handler '" + request.handler + "'; its handlers are "
                            + binding.handlerNames()));
            return;
        }
        Object[] args;
        try {
            args = binder.bind(handler, request.args);
        } catch (InvalidArguments e) {
            if (e.errors().isEmpty()) {
                send(connection, Replies.error(request.ref, request.id, Replies.BAD_ARGUMENTS, e.getMessage()));
            } else {
                component.enqueue(() -> reject(connection, request, component, handler, Replies.BAD_ARGUMENTS,
                        e.getMessage(), e.errors()));
            }
            return;
        }
        component.enqueue(() -> {
            CompletionStage<?> handled;
            try {
                handled = toStage(LiveLocaleResolver.withLanguages(session.languages(),
                        () -> binding.invoke(component.instance(), request.handler, args)));
            } catch (ConstraintViolationException e) {
                Map<String, String> errors = Violations.byKey(e);
                return reject(connection, request, component, handler, Replies.INVALID,
                        "Invalid arguments for " + handler + ": " + errors, errors);
            } catch (Exception e) {
                return failed(connection, request, component, request.handler + "()", e);
            }
            CompletableFuture<Object> done = new CompletableFuture<>();
            // An async handler may complete on any thread: render back on the connection's context
            handled.whenComplete((result, failure) -> component.runOnContext(() -> {
                CompletionStage<?> answered;
                if (failure == null) {
                    component.errors().update(request.handler, coveredKeys(handler, request.args), Map.of());
                    answered = renderAndAnswer(connection, request, component);
                } else {
                    answered = failed(connection, request, component, request.handler + "()", failure);
                }
                answered.whenComplete((ignored, unexpected) -> done.complete(null));
            }));
            return done;
        });
    }

    /**
     * Answers a call whose arguments were refused: the handler did not run and no state changed. The messages go to
     * the template's {@code errors} (only those of touched fields while the user is still typing) and the browser
     * gets the re-rendered HTML, then the error.
     */
    private CompletionStage<?> reject(WebSocketConnection connection, Request request, MountedComponent component,
            HandlerSignature handler, String code, String message, Map<String, String> errors) {
        Map<String, String> shown = request.touched == null ? errors : onlyTouched(errors, request.touched);
        component.errors().update(request.handler, coveredKeys(handler, request.args), shown);
        return renderer.render(component).handle((html, failure) -> {
            if (failure == null && component.replaceHtml(html)) {
                send(connection, Replies.render(component.id(), html));
            }
            send(connection, Replies.error(request.ref, request.id, code, message, errors));
            return null;
        });
    }

    /**
     * The error keys a call settles: its parameters' names (class-level messages are keyed by them) and the fields
     * of the forms it sent.
     */
    private static Set<String> coveredKeys(HandlerSignature handler, JsonArray args) {
        Set<String> keys = new HashSet<>(handler.parameterNames());
        for (int i = 0; i < handler.arity() && i < args.size(); i++) {
            if (args.getValue(i) instanceof JsonObject form) {
                keys.addAll(form.fieldNames());
            }
        }
        return keys;
    }

    private static Map<String, String> onlyTouched(Map<String, String> errors, Set<String> touched) {
        Map<String, String> shown = new LinkedHashMap<>();
        errors.forEach((key, message) -> {
            if (Errors.isCovered(key, touched)) {
                shown.put(key, message);
            }
        });
        return shown;
    }

    private CompletionStage<?> renderAndAnswer(WebSocketConnection connection, Request request,
            MountedComponent component) {
        return renderer.render(component).handle((html, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "Rendering %s failed", component.binding().name());
                send(connection, Replies.error(request.ref, request.id, Replies.RENDER_FAILED,
                        devMode ? "Rendering failed: " + failure.getMessage() : "Rendering failed"));
            } else {
                send(connection, Replies.ok(request.ref, request.id, component.replaceHtml(html) ? html : null));
            }
            return null;
        });
    }

    private CompletionStage<?> failed(WebSocketConnection connection, Request request, MountedComponent component,
            String what, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        LOG.errorf(cause, "%s of %s failed", what, component.binding().name());
        send(connection, Replies.error(request.ref, request.id, Replies.HANDLER_FAILED,
                devMode ? what + " failed: " + cause : what + " failed"));
        return CompletableFuture.completedFuture(null);
    }

    private static CompletionStage<?> toStage(Object returned) {
        if (returned instanceof Uni<?> uni) {
            return uni.subscribeAsCompletionStage();
        }
        if (returned instanceof CompletionStage<?> stage) {
            return stage;
        }
        return CompletableFuture.completedFuture(null);
    }

    private static void send(WebSocketConnection connection, String message) {
        connection.sendText(message).subscribe().with(ignored -> {
        }, failure -> LOG.debugf(failure, "Could not send to connection %s", connection.id()));
    }

    /** A client message whose fields have been checked. */
    private record Request(String type, Long ref, String id, String handler, JsonArray args, Set<String> touched) {

        static Request of(JsonObject message) throws BadRequest {
            Long ref = null;
            Object refValue = message.getValue("ref");
            if (refValue instanceof Number n) {
                ref = n.longValue();
            } else if (refValue != null) {
                throw new BadRequest(null, null, Replies.MALFORMED, "'ref' must be a number");
            }
            Object idValue = message.getValue("id");
            String id = idValue instanceof String s ? s : null;
            Object typeValue = message.getValue("t");
            if (!(typeValue instanceof String type)) {
                throw new BadRequest(ref, id, Replies.MALFORMED, "Missing message type 't'");
            }
            if (id == null && (type.equals("join") || type.equals("event"))) {
                throw new BadRequest(ref, null, Replies.MALFORMED, "'id' must be a string naming a component");
            }
            switch (type) {
                case "join" -> {
                    Object version = message.getValue("v");
                    if (!(version instanceof Number v) || v.doubleValue() != VERSION) {
                        throw new BadRequest(ref, id, Replies.UNSUPPORTED_VERSION,
                                "This server speaks protocol version " + VERSION + ", not " + version);
                    }
                    return new Request(type, ref, id, null, null, null);
                }
                case "event" -> {
                    Object handler = message.getValue("handler");
                    if (!(handler instanceof String name) || name.isEmpty()) {
                        throw new BadRequest(ref, id, Replies.MALFORMED, "'handler' must be a non-empty string");
                    }
                    Object args = message.getValue("args");
                    if (args != null && !(args instanceof JsonArray)) {
                        throw new BadRequest(ref, id, Replies.MALFORMED, "'args' must be an array");
                    }
                    Object touched = message.getValue("touched");
                    if (touched != null && !(touched instanceof JsonArray)) {
                        throw new BadRequest(ref, id, Replies.MALFORMED, "'touched' must be an array of field names");
                    }
                    Set<String> touchedNames = null;
                    if (touched != null) {
                        touchedNames = new HashSet<>();
                        for (Object field : (JsonArray) touched) {
                            touchedNames.add(String.valueOf(field));
                        }
                    }
                    return new Request(type, ref, id, name, args == null ? new JsonArray() : (JsonArray) args,
                            touchedNames);
                }
                default -> {
                    return new Request(type, ref, id, null, null, null);
                }
            }
        }
    }

    private static final class BadRequest extends Exception {
        final Long ref;
        final String id;
        final String code;

        BadRequest(Long ref, String id, String code, String message) {
            super(message, null, false, false);
            this.ref = ref;
            this.id = id;
            this.code = code;
        }
    }
}
