package io.quarkiverse.live.runtime.transport.form;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.http.BrowserBinding;
import io.quarkiverse.live.runtime.http.LivePages;
import io.quarkiverse.live.runtime.http.PageComponents;
import io.quarkiverse.live.runtime.protocol.ErrorCode;
import io.quarkiverse.live.runtime.template.LiveNamespace;
import io.quarkiverse.live.runtime.transport.ConnectionIdentity;
import io.quarkiverse.live.runtime.transport.OriginPolicy;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST <root>/form/<component id>.<token>?call=<call>}: a form or button of a component, posted by a browser
 * without JavaScript. The same handler runs as for an event over a connection, with the same conversion, validation
 * and limits: the post is a connection of its own ({@link FormChannel}) that joins the component, sends the one event
 * and closes, which leaves the component waiting for its browser as after any dropped connection. The answer is a
 * redirect back to the page ({@code 303}, POST/redirect/GET), whose next render shows that component again
 * ({@link NoScriptPages}), with its validation messages when the handler refused the input.
 * <p>
 * Refused before the body is read: 403 for a page of another site ({@link OriginPolicy}, {@code Sec-Fetch-Site}) and
 * for a token that is not the component's for this browser ({@link FormTokens}). A body past
 * {@code quarkus.live.max-message-size} is refused with 413; a call that is not one a page carries, an unknown handler
 * or arguments that do not bind get 400, a handler that failed 500, a component that has too many events waiting 429.
 * A component that no longer exists (the page was left open past {@code quarkus.live.join-timeout}, or past
 * {@code quarkus.live.reconnect-grace} after its last post) is mounted again when it is a page's, as a load of the page
 * would, and the post runs on it, so what the user sent is not lost; the component of an embedding page, and one that
 * reads the page request, which a post is not, send the browser back to a fresh page.
 */
@Singleton
public class FormPostRoute {

    private static final Logger LOG = Logger.getLogger(FormPostRoute.class);

    private static final String COMPONENT = "io.quarkiverse.live.form.component";
    private static final String NAME = "io.quarkiverse.live.form.name";
    private static final String BROWSER = "io.quarkiverse.live.form.browser";
    private static final long JOIN = 1;
    private static final long EVENT = 2;

    private final Dispatcher dispatcher;
    private final OriginPolicy origins;
    private final FormTokens tokens;
    private final ComponentRegistry registry;
    private final NoScriptPages pages;
    private final LiveComponents components;
    private final PageComponents pageComponents;
    private final LivePages livePages;
    private final int maxBodySize;

    FormPostRoute(Dispatcher dispatcher, OriginPolicy origins, FormTokens tokens, ComponentRegistry registry,
            NoScriptPages pages, LiveComponents components, PageComponents pageComponents, LivePages livePages,
            LiveRuntimeConfig config) {
        this.components = components;
        this.pageComponents = pageComponents;
        this.livePages = livePages;
        this.dispatcher = dispatcher;
        this.origins = origins;
        this.tokens = tokens;
        this.registry = registry;
        this.pages = pages;
        this.maxBodySize = config.maxMessageSize();
    }

    /** The checks that need no body; a request that passes them goes on to the body handler. */
    public void admit(RoutingContext context) {
        String[] idAndToken = context.pathParam("token").split("\\.", 2);
        String browser = BrowserBinding.fromCookieHeader(context.request().getHeader("Cookie"));
        if (!origins.allows(context.request()) || idAndToken.length != 2
                || !tokens.matches(idAndToken[0], browser, idAndToken[1])) {
            context.response().setStatusCode(403).putHeader("Content-Type", "text/plain;charset=UTF-8")
                    .end("This form belongs to another page or browser, or to an earlier run of the application:"
                            + " reload the page.");
            return;
        }
        context.put(COMPONENT, idAndToken[0]);
        context.put(NAME, context.pathParam("component"));
        context.put(BROWSER, browser);
        context.next();
    }

    /** Reads the form up to the message size limit: a longer one is answered 413 as soon as it passes it. */
    public BodyHandler bodyHandler() {
        return BodyHandler.create(false).setBodyLimit(maxBodySize);
    }

    public void handle(RoutingContext context) {
        String id = context.get(COMPONENT);
        String browser = context.get(BROWSER);
        FormArguments.Call call;
        try {
            // From the query the page wrote, not from the fields: a form may have fields of any name
            String booleans = context.queryParams().get("bool");
            Set<String> checkboxes = booleans == null ? Set.of()
                    : Arrays.stream(booleans.split(",")).collect(Collectors.toSet());
            // A form names its call in its URL, a button in the field it submits
            MultiMap fields = MultiMap.caseInsensitiveMultiMap().addAll(context.request().formAttributes());
            String named = context.queryParams().get("call");
            String submitted = fields.get(LiveNamespace.CALL_FIELD);
            fields.remove(LiveNamespace.CALL_FIELD);
            call = FormArguments.of(named != null ? named : submitted, fields, checkboxes);
        } catch (IllegalArgumentException e) {
            plain(context, 400, e.getMessage());
            return;
        }
        Context eventLoop = Vertx.currentContext();
        MountedComponent component = registry.find(id);
        if (component != null && !component.isDestroyed()) {
            ConnectionIdentity.ofRequest(context,
                    identity -> post(context, eventLoop, component, browser, identity, call));
            return;
        }
        String name = context.get(NAME);
        if (!pageComponents.isPage(name) || components.find(name).keepsPageRequest()) {
            // Its page has another key for it, or it read a page request this post is not: a fresh page, as before
            back(context);
            return;
        }
        // On a worker thread, as a page is rendered: a first paint may read what blocks (a database)
        context.vertx().executeBlocking(() -> livePages.mountForPost(name, context, browser), false)
                .toCompletionStage().thenCompose(mounting -> mounting).whenComplete((mounted, failure) -> eventLoop
                .runOnContext(ignored -> {
                    if (failure != null) {
                        LOG.errorf(failure, "Mounting %s again for a form posted to a component that is gone", name);
                        plain(context, 500, "The page could not be rendered again: reload it.");
                    } else {
                        ConnectionIdentity.ofRequest(context,
                                identity -> post(context, eventLoop, mounted, browser, identity, call));
                    }
                }));
    }

    private void post(RoutingContext context, Context eventLoop, MountedComponent component, String browser,
            SecurityIdentity identity, FormArguments.Call call) {
        FormChannel channel = new FormChannel(eventLoop);
        Session session = dispatcher.opened(channel, context.request().getHeader("Accept-Language"),
                ConnectionIdentity.of(identity), browser);
        // A component joined before (by an earlier post, or by a page that had JavaScript) is rejoined with its token
        JsonObject join = new JsonObject().put("t", "join").put("v", 1).put("ref", JOIN).put("id", component.id());
        if (component.isMounted()) {
            join.put("token", component.token());
        }
        dispatcher.received(session, join.encode());
        channel.answer(JOIN).thenCompose(joined -> {
            if (!"ok".equals(joined.getString("t"))) {
                return CompletableFuture.completedFuture(joined);
            }
            JsonObject event = new JsonObject().put("t", "event").put("ref", EVENT).put("id", component.id())
                    .put("handler", call.handler()).put("args", call.args());
            eventLoop.runOnContext(ignored -> dispatcher.received(session, event.encode()));
            return channel.answer(EVENT);
        }).whenComplete((answer, failure) -> eventLoop.runOnContext(ignored -> {
            dispatcher.closed(session);
            respond(context, component, browser, answer);
        }));
    }

    private void respond(RoutingContext context, MountedComponent component, String browser, JsonObject answer) {
        String code = answer == null ? ErrorCode.HANDLER_FAILED
                : "ok".equals(answer.getString("t")) ? null : answer.getString("code");
        if (code == null || code.equals(ErrorCode.INVALID)
                || code.equals(ErrorCode.BAD_ARGUMENTS) && answer.getJsonObject("errors") != null) {
            // Done, or refused with messages the component now shows next to their fields
            pages.remember(browser, component);
            back(context);
        } else if (code.equals(ErrorCode.UNKNOWN_COMPONENT)) {
            back(context);
        } else if (code.equals(ErrorCode.TOO_MANY)) {
            plain(context, 429, answer.getString("message"));
        } else if (code.equals(ErrorCode.HANDLER_FAILED) || code.equals(ErrorCode.RENDER_FAILED)) {
            plain(context, 500, answer == null ? "The handler failed" : answer.getString("message"));
        } else {
            plain(context, 400, answer.getString("message"));
        }
    }

    /** Redirects to the page the form was on (303: the browser GETs it), or to the site's root without one. */
    private void back(RoutingContext context) {
        String referer = context.request().getHeader("Referer");
        String location = referer != null && origins.isPageOf(context.request(), referer)
                ? OriginPolicy.pathAndQuery(referer)
                : "/";
        context.response().setStatusCode(303).putHeader("Location", location).putHeader("Cache-Control", "no-store")
                .end();
    }

    private static void plain(RoutingContext context, int status, String message) {
        context.response().setStatusCode(status).putHeader("Content-Type", "text/plain;charset=UTF-8")
                .end(message == null ? "" : message);
    }
}
