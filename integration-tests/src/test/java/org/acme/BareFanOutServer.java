package org.acme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

/**
 * The floor of {@link SharedFanOutBenchmarkIT}: a bare Vert.x server, no Quarkus, that sends one text frame to every
 * open WebSocket when one of them sends {@code go <tick>}; each socket is written on its own event loop, as the live
 * fan-out does. Like Quarkus it listens on as many event loops as Vert.x has by default (twice the cores). The frame
 * is a {@code render} message of the size a {@code SharedTicker} sends. Run as a process of its own, with the port as
 * argument; prints {@code listening} once it listens.
 */
public final class BareFanOutServer {

    private static final String HTML = "<p data-live-component=\"SharedTicker\" data-live-id=\"c-0123456789abcdef0123\">"
            + "Tick <b>%d</b> <button data-live-click=\"bump\">Bump</button></p>";

    private BareFanOutServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        // The open sockets, by the event loop each is handled on
        Map<Context, List<ServerWebSocket>> sockets = new ConcurrentHashMap<>();
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                        .webSocketHandler(socket -> accept(socket, sockets))
                        .listen(port).<Void> mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE))
                .onSuccess(ignored -> System.out.println("listening"))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }

    private static void accept(ServerWebSocket socket, Map<Context, List<ServerWebSocket>> sockets) {
        Context context = Vertx.currentContext();
        List<ServerWebSocket> onContext = sockets.computeIfAbsent(context, ignored -> new ArrayList<>());
        onContext.add(socket);
        socket.closeHandler(ignored -> onContext.remove(socket));
        socket.textMessageHandler(text -> {
            if (text.startsWith("go ")) {
                String message = "{\"t\":\"render\",\"id\":\"c-0123456789abcdef0123\",\"html\":\""
                        + String.format(HTML, Long.parseLong(text.substring(3))).replace("\"", "\\\"") + "\"}";
                sockets.forEach((loop, all) -> loop.runOnContext(
                        ignored -> all.forEach(each -> each.writeTextMessage(message))));
            }
        });
    }
}
