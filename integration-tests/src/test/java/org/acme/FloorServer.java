package org.acme;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;

/**
 * The floor of {@link WireBenchmarkIT}: a bare Vert.x WebSocket server that answers every text message with the same
 * 13-byte frame, {@value #ANSWER}. No JSON is read, no state kept: what is left of a round trip is the sockets, the
 * WebSocket framing and Vert.x's event loops, which Quarkus Live runs on as well. Run as a process of its own by
 * {@link FloorNode} ({@code main(port)}); it prints {@value #READY} once it listens on 127.0.0.1.
 */
public final class FloorServer extends AbstractVerticle {

    static final String ANSWER = "{\"t\":\"floor\"}";
    static final String READY = "floor listening";

    private final int port;

    FloorServer(int port) {
        this.port = port;
    }

    @Override
    public void start(io.vertx.core.Promise<Void> started) {
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .webSocketHandler(ws -> ws.textMessageHandler(text -> ws.writeTextMessage(ANSWER)))
                .listen().<Void> mapEmpty().onComplete(started);
    }

    public static void main(String[] arguments) throws Exception {
        int port = Integer.parseInt(arguments[0]);
        Vertx vertx = Vertx.vertx();
        // As many instances as Quarkus gives its HTTP server event loops (2 per core), all sharing the port
        int loops = 2 * Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(() -> new FloorServer(port), new DeploymentOptions().setInstances(loops))
                .toCompletionStage().toCompletableFuture().get();
        System.out.println(READY + " on " + port + " with " + loops + " event loops");
        System.out.flush();
    }
}
