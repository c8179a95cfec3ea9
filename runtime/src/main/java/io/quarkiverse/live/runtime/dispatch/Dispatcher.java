package io.quarkiverse.live.runtime.dispatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.EventSequence;
import io.quarkiverse.live.runtime.component.ExecutionModel;
import io.quarkiverse.live.runtime.component.FieldErrors;
import io.quarkiverse.live.runtime.component.HandlerSignature;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.component.TaskScope;
import io.quarkiverse.live.runtime.dev.LiveReloadScan;
import io.quarkiverse.live.runtime.dev.RestartRestore;
import io.quarkiverse.live.runtime.protocol.ClientMessage;
import io.quarkiverse.live.runtime.protocol.ErrorCode;
import io.quarkiverse.live.runtime.protocol.MessageReader;
import io.quarkiverse.live.runtime.protocol.Replies;
import io.quarkiverse.live.runtime.protocol.ServerBuild;
import io.quarkiverse.live.runtime.render.ComponentRenderer;
import io.quarkiverse.live.runtime.render.HtmlChange;
import io.quarkiverse.live.runtime.shared.MountClaims;
import io.quarkiverse.live.runtime.shared.SharedCall;
import io.quarkiverse.live.runtime.shared.SharedStateEngine;
import io.quarkiverse.live.runtime.transport.Channel;
import io.quarkiverse.live.runtime.transport.ConnectionIdentity;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkiverse.live.runtime.upload.ComponentUploads;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the protocol's messages mean, whatever carried them: joins, rejoins, events and leaves. Every request of a
 * component runs as a task on that component's queue and ends the same way, in {@link #finish}: its errors updated,
 * its template rendered when that can change what the browser shows, and one answer sent. A bad request gets an
 * {@code error} answer and changes nothing; the connection stays open for the next one.
 */
@Singleton
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final ComponentRegistry registry;
    private final ComponentRenderer renderer;
    private final ArgumentBinder binder;
    private final ConversionMessages conversionMessages;
    private final ServerBuild build;
    private final LiveRuntimeConfig config;
    private final SharedStateEngine shared;
    private final MountClaims claims;
    private final LiveReloadScan reloadScan;
    private final RestartRestore restartRestore;
    private final FailureReplies failures = new FailureReplies(LaunchMode.current() == LaunchMode.DEVELOPMENT);

    Dispatcher(ComponentRegistry registry, ComponentRenderer renderer, ArgumentBinder binder, ServerBuild build,
            LiveRuntimeConfig config, SharedStateEngine shared, MountClaims claims, LiveReloadScan reloadScan,
            RestartRestore restartRestore, ConversionMessages conversionMessages) {
        this.conversionMessages = conversionMessages;
        this.reloadScan = reloadScan;
        this.restartRestore = restartRestore;
        this.shared = shared;
        this.claims = claims;
        this.registry = registry;
        this.renderer = renderer;
        this.binder = binder;
        this.build = build;
        this.config = config;
    }

    /** A browser connected: greets it with the server's build, so a page of another build knows to reload. */
    public Session opened(Channel channel, String acceptLanguage, ConnectionIdentity identity, String browser) {
        Session session = new Session(channel, acceptLanguage, identity, browser, config.maxEventsPerSecond());
        channel.send(Replies.hello(build.id(), config.maxMessageSize()));
        return session;
    }

    /**
     * The browser's connection is gone: its components wait for it to come back, for the grace period. Its events that
     * have not started yet are dropped: nobody could read their answers, and the browser sends them again when it
     * rejoins.
     */
    public void closed(Session session) {
        session.markClosed();
        for (MountedComponent component : session.components()) {
            registry.detach(component, session);
        }
    }

    /**
     * The browser's connection is alive: it sent a message, or answered a ping. In dev mode this may start a scan for
     * changed sources.
     */
    public void heard(Session session) {
        session.heard();
        reloadScan.heard();
    }

    /** One message from the browser. The carrier has already refused any longer than the limit. */
    public void received(Session session, String text) {
        if (session.channel().isClosing()) {
            // Read with the messages that got the connection closed, or sent after the browser's close: none is answered
            return;
        }
        heard(session);
        ClientMessage message;
        try {
            message = MessageReader.read(text, session::idOf);
        } catch (MessageReader.BadMessage e) {
            session.channel().send(e.reply());
            // A client that sends nothing but unreadable messages gets a few answers, then is closed
            countRefusal(session, "Too many unreadable messages");
            return;
        }
        if (message instanceof ClientMessage.Join join) {
            join(session, join);
        } else if (message instanceof ClientMessage.Event event) {
            event(session, event);
        } else if (message instanceof ClientMessage.Leave leave) {
            MountedComponent component = session.remove(leave.id());
            if (component != null) {
                registry.detach(component, session);
            }
        }
    }

    private void join(Session session, ClientMessage.Join join) {
        MountedComponent here = session.get(join.id());
        if (join.token() == null && here != null && !here.isDestroyed()) {
            send(session, Replies.error(join.ref(), join.id(), ErrorCode.UNKNOWN_COMPONENT,
                    "Component " + join.id() + " is already joined on this connection"));
            return;
        }
        if (here == null && session.components().size() >= config.maxComponentsPerConnection()) {
            send(session, Replies.error(join.ref(), join.id(), ErrorCode.TOO_MANY, "This connection has "
                    + config.maxComponentsPerConnection() + " components joined, the most it may have"));
            return;
        }
        ComponentRegistry.Join found = registry.join(join.id(), join.token(), session.browser(), session,
                session.channel().eventLoop());
        ComponentRegistry.Join joined = found != null ? found : joinMountedHere(session, join);
        if (joined == null) {
            send(session, Replies.error(join.ref(), join.id(), ErrorCode.UNKNOWN_COMPONENT, join.token() == null
                    ? "No component with id " + join.id() + " is waiting to be joined; reload the page"
                    : "No component with id " + join.id() + " and that resume token; it may have expired"));
            return;
        }
        MountedComponent component = joined.component();
        session.add(component);
        session.speaks(join.version());
        ExecutionModel model = joined.first() ? component.binding().mountModel() : ExecutionModel.EVENT_LOOP;
        // A rejoining browser may have missed renders, and a component mounted again for it (after a dev-mode restart,
        // on another node) may have rendered before this join: a join with a token always gets the whole HTML
        boolean rejoin = join.token() != null || !joined.first();
        Answer answer = new Answer(session, component, join.ref(), null, component.token(), rejoin, false);
        component.tasks().submit(model, scope -> {
            session.identity().restore();
            shared.catchUp(component);
            if (joined.first()) {
                try {
                    component.binding().mounted(component.instance());
                } catch (RuntimeException e) {
                    // The page keeps working with what onMount() left; the browser hears of the failure first
                    send(session, failure(join.ref(), component, "onMount()", e));
                }
            }
            return finish(scope, answer, Outcome.OK);
        });
    }

    /**
     * A component this server does not know, mounted here with the id the join names and then joined as usual: a page
     * another node of the cluster rendered (a first join with its signed claim), or in dev mode a component the
     * application had before it restarted (a rejoin, whose token and browser are checked as for any rejoin).
     * {@code null} when there is nothing to mount: no claim or one that does not hold (forged, another browser's, too
     * old), nothing kept of that id, or the id is taken.
     */
    private ComponentRegistry.Join joinMountedHere(Session session, ClientMessage.Join join) {
        boolean mounted = join.token() == null
                ? join.mount() != null && mountClaimed(session, join)
                : restartRestore.mountAgain(join.id(), join.token(), session.browser());
        return mounted ? registry.join(join.id(), join.token(), session.browser(), session,
                session.channel().eventLoop()) : null;
    }

    private boolean mountClaimed(Session session, ClientMessage.Join join) {
        MountClaims.Claim claim = claims.verify(join.mount(), join.id(), session.browser());
        if (claim == null) {
            return false;
        }
        try {
            renderer.mountClaimed(claim, session.browser());
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("Could not mount %s from its claim: %s", join.id(), e.getMessage());
            return false;
        }
    }

    private void event(Session session, ClientMessage.Event event) {
        MountedComponent component = session.get(event.id());
        if (component == null || component.isDestroyed()) {
            send(session, Replies.error(event.ref(), event.id(), ErrorCode.UNKNOWN_COMPONENT,
                    "No component with id " + event.id() + " is joined on this connection"));
            // Counted as refused: events for no component would otherwise be a flood that no limit ever closes
            countRefusal(session, "Too many events refused within a second");
            return;
        }
        String refusal = component.tasks().size() >= config.maxQueuedEvents()
                ? component.binding().name() + " has " + config.maxQueuedEvents()
                        + " events waiting; send more once they are answered"
                : session.admitEvent(config.maxQueuedEventsPerConnection(), component);
        if (refusal != null) {
            refuse(session, event, refusal);
            return;
        }
        HandlerSignature handler = component.binding().handler(event.handler());
        ExecutionModel model = handler == null ? ExecutionModel.EVENT_LOOP : handler.executionModel();
        component.tasks().submit(model, scope -> {
            CompletionStage<?> handled = session.isClosed() ? DONE : handle(scope, session, component, handler, event);
            return handled.whenComplete((ignored, failure) -> session.eventDone());
        });
    }

    /**
     * Answers an event that was not admitted with {@code too-many}: nothing ran, its sequence number is not used, and the
     * browser may send it again. A connection that goes on sending refused events is closed.
     */
    private void refuse(Session session, ClientMessage.Event event, String why) {
        send(session, Replies.error(event.ref(), event.id(), ErrorCode.TOO_MANY, why));
        countRefusal(session, "Too many events refused within a second");
    }

    /** Counts a refused message; closes the connection once more than {@code max-queued-events} fall in a second. */
    private void countRefusal(Session session, String closeReason) {
        if (session.refused() > config.maxQueuedEvents()) {
            session.channel().close(Channel.POLICY_VIOLATION, closeReason);
        }
    }

    /** The sequence check, then the call; runs on the component's task queue. */
    private CompletionStage<?> handle(TaskScope scope, Session session, MountedComponent component,
            HandlerSignature handler, ClientMessage.Event event) {
        session.identity().restore();
        if (event.seq() != null) {
            EventSequence.Verdict verdict = component.sequence().check(event.seq());
            if (verdict instanceof EventSequence.Replay replay) {
                if (replay.earlierError() != null) {
                    send(session, replay.earlierError().copy().put("ref", event.ref()));
                } else if (event.compact()) {
                    session.channel().send(Replies.ok(event.ref(), null));
                } else {
                    send(session, Replies.ok(event.ref(), event.id(), null));
                }
                return DONE;
            }
            if (verdict instanceof EventSequence.Refuse refuse) {
                send(session, Replies.error(event.ref(), event.id(), ErrorCode.BAD_SEQUENCE, refuse.reason()));
                return DONE;
            }
        }
        Answer answer = new Answer(session, component, event.ref(), event.seq(), null, false, event.compact());
        try {
            return call(scope, answer, handler, event);
        } catch (RuntimeException | Error e) {
            // Every applied event gets its answer, or the browser's next numbered event would be refused
            answer.send(failure(event.ref(), component, event.handler() + "()", e));
            return DONE;
        }
    }

    /** Binds the arguments, calls the handler and finishes the request; runs on the component's task queue. */
    private CompletionStage<?> call(TaskScope scope, Answer answer, HandlerSignature handler,
            ClientMessage.Event event) {
        MountedComponent component = answer.component;
        ComponentBinding binding = component.binding();
        if (handler == null) {
            // The name echoed at most 64 characters long, and the handlers not listed: the client learns nothing more
            String name = event.handler().length() <= 64 ? event.handler()
                    : event.handler().substring(0, Character.isHighSurrogate(event.handler().charAt(63)) ? 63 : 64)
                            + "...";
            answer.send(Replies.error(event.ref(), event.id(), ErrorCode.UNKNOWN_HANDLER, binding.name()
                    + " has no handler '" + name + "'"));
            return DONE;
        }
        Set<String> covered = coveredKeys(handler, event.args());
        ComponentUploads uploads = component.uploadsIfAny();
        BoundArguments bound;
        try {
            bound = binder.bind(handler, event.args(), uploads);
        } catch (InvalidArguments e) {
            answer.send(Replies.error(event.ref(), event.id(), ErrorCode.BAD_ARGUMENTS, e.getMessage()));
            return DONE;
        }
        CompletionStage<?> result = bound.complete()
                ? invokeBound(scope, answer, handler, event, bound.values(), covered)
                : finish(scope, answer, notConverted(answer, handler, bound, event, covered));
        if (uploads == null) {
            return result;
        }
        // The uploads the arguments took are done with once the call is, whether the handler ran or not
        return result.whenComplete((ignored, failure) -> uploads.release(bound.values()));
    }

    /** Calls the handler with arguments that all converted, holding the shared locks it needs. */
    private CompletionStage<?> invokeBound(TaskScope scope, Answer answer, HandlerSignature handler,
            ClientMessage.Event event, Object[] args, Set<String> covered) {
        MountedComponent component = answer.component;
        if (!component.binding().touchesShared(handler.name())) {
            return invoke(scope, answer, handler, event, args, covered, null);
        }
        // Shared values change one call at a time across the cluster: the call waits for their locks
        return scope.then(shared.begin(component), (call, busy) -> {
            if (busy != null) {
                answer.send(failures.handlerRefused(event.ref(), event.id(), handler.name() + "()", busy));
                return DONE;
            }
            try {
                call.refresh();
                return invoke(scope, answer, handler, event, args, covered, call);
            } catch (RuntimeException | Error e) {
                settle(call);
                throw e;
            }
        });
    }

    /**
     * Calls the handler and finishes the request. With shared fields ({@code call} not {@code null}) their changes are
     * published when the handler succeeded and undone when it failed, and the locks released either way.
     */
    private CompletionStage<Void> invoke(TaskScope scope, Answer answer, HandlerSignature handler,
            ClientMessage.Event event, Object[] args, Set<String> covered, SharedCall call) {
        MountedComponent component = answer.component;
        Object returned;
        try {
            returned = callHandler(answer, handler, args);
        } catch (ConstraintViolationException e) {
            settle(call);
            Map<String, String> errors = Violations.byKey(e);
            return finish(scope, answer, Outcome.rejected(ErrorCode.INVALID,
                    "Invalid arguments for " + handler + ": " + errors, errors, handler.name(), covered,
                    event.touched()));
        } catch (Exception e) {
            settle(call);
            answer.send(failure(event.ref(), component, handler.name() + "()", e));
            return DONE;
        }
        // An asynchronous handler: the component renders once its work completes, in this task's request context
        return scope.then(toStage(returned), (ignored, failure) -> {
            if (failure != null) {
                settle(call);
                answer.send(failure(event.ref(), component, handler.name() + "()", failure));
                return DONE;
            }
            if (call == null) {
                return finish(scope, answer, Outcome.succeeded(handler.name(), covered));
            }
            return scope.then(call.commit(), (published, notPublished) -> {
                if (notPublished != null) {
                    settle(call);
                    answer.send(failure(event.ref(), component, handler.name() + "()", notPublished));
                    return DONE;
                }
                call.release();
                return finish(scope, answer, Outcome.succeeded(handler.name(), covered));
            });
        });
    }

    /**
     * Calls the handler through the component's interceptors (method validation among them), with the browser's
     * languages set for validation messages.
     */
    private static Object callHandler(Answer answer, HandlerSignature handler, Object[] args) throws Exception {
        MountedComponent component = answer.component;
        return LiveLocaleResolver.withLanguages(answer.session.languages(),
                () -> component.binding().invoke(component.instance(), handler.name(), args));
    }

    /**
     * The answer to a call with values that did not convert: their messages, and the constraint messages of the values
     * that did, from a dry run of the call. So one submit shows every problem of a form.
     */
    private Outcome notConverted(Answer answer, HandlerSignature handler, BoundArguments bound,
            ClientMessage.Event event, Set<String> covered) {
        MountedComponent component = answer.component;
        List<Locale.LanguageRange> languages = answer.session.languages();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> details = new ArrayList<>();
        for (ConversionProblem problem : bound.problems()) {
            errors.put(problem.key(), conversionMessages.text(problem, languages));
            details.add(problem.key() + ": " + problem.detail());
        }
        if (component.binding().dryRunnable(handler.name())) {
            Map<String, String> violations = DryRun.violations(handler.toString(),
                    () -> callHandler(answer, handler, bound.values()));
            violations.forEach(errors::putIfAbsent);
        }
        return Outcome.rejected(ErrorCode.BAD_ARGUMENTS, "Invalid arguments for " + handler + ": "
                + String.join("; ", details), errors, handler.name(), covered, event.touched());
    }

    /** A call that changed nothing for good: its shared fields go back to what they held, and its locks are released. */
    private static void settle(SharedCall call) {
        if (call != null) {
            try {
                call.rollback();
            } finally {
                call.release();
            }
        }
    }

    /**
     * The one way a request that may change what the browser shows ends: the component's errors are settled, its
     * template rendered and the answer sent: an {@code ok} (with the HTML when it changed), or for a refused call a
     * {@code render} (when the HTML changed) followed by the {@code error}.
     */
    private CompletionStage<Void> finish(TaskScope scope, Answer answer, Outcome outcome) {
        MountedComponent component = answer.component;
        if (outcome.handler != null) {
            component.errors().update(outcome.handler, outcome.covered, outcome.shownErrors());
        }
        return scope.then(renderer.render(component), (html, failure) -> {
            if (failure != null) {
                answer.send(failures.renderFailed(answer.ref, component.id(), component.binding().name(), failure));
                return DONE;
            }
            HtmlChange sent = component.replaceHtml(html, answer.wholeHtml);
            if (outcome.code == null && answer.compact) {
                answer.sendCompact(Replies.ok(answer.ref, sent));
            } else if (outcome.code == null) {
                JsonObject ok = Replies.ok(answer.ref, component.id(), sent);
                if (answer.token != null) {
                    ok.put("token", answer.token);
                    if (answer.session.version() >= 2) {
                        ok.put("c", answer.session.number(component));
                    }
                }
                answer.send(ok);
            } else {
                if (sent != null) {
                    answer.session.sendRender(component, sent);
                }
                answer.send(Replies.error(answer.ref, component.id(), outcome.code, outcome.message,
                        outcome.errors));
            }
            return DONE;
        });
    }

    /** The error answer of a handler or lifecycle method that threw, logged with what to do about it. */
    private JsonObject failure(Long ref, MountedComponent component, String what, Throwable failure) {
        return failures.handlerFailed(ref, component.id(), component.binding().name(), what, failure);
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

    private static CompletionStage<?> toStage(Object returned) {
        if (returned instanceof Uni<?> uni) {
            return uni.subscribeAsCompletionStage();
        }
        if (returned instanceof CompletionStage<?> stage) {
            return stage;
        }
        return DONE;
    }

    private static void send(Session session, JsonObject message) {
        session.channel().send(message.encode());
    }

    private static void send(Session session, String message) {
        session.channel().send(message);
    }

    /**
     * Where one request's answer goes. An answer to a numbered event is recorded with the component's sequence, so a
     * resent event gets it again instead of running twice.
     */
    private static final class Answer {
        final Session session;
        final MountedComponent component;
        final Long ref;
        final Long seq;
        final String token;
        final boolean wholeHtml;
        /** Whether the request came in protocol 2's array form, whose {@code ok} is an array too. */
        final boolean compact;

        Answer(Session session, MountedComponent component, Long ref, Long seq, String token, boolean wholeHtml,
                boolean compact) {
            this.session = session;
            this.component = component;
            this.ref = ref;
            this.seq = seq;
            this.token = token;
            this.wholeHtml = wholeHtml;
            this.compact = compact;
        }

        void sendCompact(String ok) {
            if (seq != null) {
                component.sequence().applied(null);
            }
            session.channel().send(ok);
        }

        void send(JsonObject reply) {
            if (seq != null) {
                boolean error = "error".equals(reply.getString("t"));
                component.sequence().applied(error ? reply.copy().put("ref", (Object) null) : null);
            }
            session.channel().send(reply.encode());
        }
    }

    /** How a request that renders turned out: ok, or refused with messages for the template. */
    private static final class Outcome {
        static final Outcome OK = new Outcome(null, null, null, null, Set.of(), null);

        final String code;
        final String message;
        final Map<String, String> errors;
        final String handler;
        final Set<String> covered;
        final Set<String> touched;

        private Outcome(String code, String message, Map<String, String> errors, String handler, Set<String> covered,
                Set<String> touched) {
            this.code = code;
            this.message = message;
            this.errors = errors;
            this.handler = handler;
            this.covered = covered;
            this.touched = touched;
        }

        static Outcome succeeded(String handler, Set<String> covered) {
            return new Outcome(null, null, Map.of(), handler, covered, null);
        }

        static Outcome rejected(String code, String message, Map<String, String> errors, String handler,
                Set<String> covered, Set<String> touched) {
            return new Outcome(code, message, errors, handler, covered, touched);
        }

        /** The messages the template shows: while the user is still typing, only those of the fields touched. */
        Map<String, String> shownErrors() {
            if (touched == null) {
                return errors;
            }
            Map<String, String> shown = new LinkedHashMap<>();
            errors.forEach((key, message) -> {
                if (FieldErrors.isCovered(key, touched)) {
                    shown.put(key, message);
                }
            });
            return shown;
        }
    }
}
