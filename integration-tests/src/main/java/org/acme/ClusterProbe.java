package org.acme;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;

/**
 * For the cluster tests only (ClusterIT): shows from outside what a node sees of the Vert.x cluster it is part of, with
 * public APIs only: the number of members (Hazelcast's, the one thing Vert.x does not tell), event-bus messages
 * published to every node, a clustered async map and clustered locks (Vert.x's). Plain text in and out. Unclustered,
 * the same calls work on this node alone. The shared-state engine's own tests are meant to replace most of it.
 */
@Path("/cluster-probe")
@Produces(MediaType.TEXT_PLAIN)
public class ClusterProbe {

    static final String ADDRESS = "cluster-probe";

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, Lock> HELD = new ConcurrentHashMap<>();

    @Inject
    Vertx vertx;

    void listen(@Observes StartupEvent start) {
        vertx.eventBus().<String> consumer(ADDRESS, message -> RECEIVED.add(message.body()));
    }

    /** The members of the Hazelcast cluster this node is in: 0 when it is not clustered. */
    @GET
    @Path("/members")
    public int members() {
        return Hazelcast.getAllHazelcastInstances().stream().filter(i -> i.getLifecycleService().isRunning())
                .findFirst().map(HazelcastInstance::getCluster).map(c -> c.getMembers().size()).orElse(0);
    }

    /** Publishes the body on the event bus, to the consumer of every node. */
    @POST
    @Path("/messages")
    @Consumes(MediaType.TEXT_PLAIN)
    public void publish(String text) {
        vertx.eventBus().publish(ADDRESS, text);
    }

    /** What this node's consumer received, one message a line. */
    @GET
    @Path("/messages")
    public String received() {
        return String.join("\n", RECEIVED);
    }

    @PUT
    @Path("/map/{key}")
    @Consumes(MediaType.TEXT_PLAIN)
    public CompletionStage<Void> put(@PathParam("key") String key, String value) {
        return vertx.sharedData().<String, String> getAsyncMap(ADDRESS).compose(map -> map.put(key, value))
                .toCompletionStage();
    }

    /** The value under the key, or 404. */
    @GET
    @Path("/map/{key}")
    public CompletionStage<Response> get(@PathParam("key") String key) {
        return vertx.sharedData().<String, String> getAsyncMap(ADDRESS).compose(map -> map.get(key))
                .map(value -> value == null ? Response.status(404).build() : Response.ok(value).build())
                .toCompletionStage();
    }

    /** Takes the lock and holds it until released: 200, or 409 when another holder keeps it longer than the timeout. */
    @POST
    @Path("/locks/{name}")
    public CompletionStage<Response> lock(@PathParam("name") String name,
            @QueryParam("timeout") @DefaultValue("1000") long timeoutMillis) {
        return vertx.sharedData().getLockWithTimeout(ADDRESS + "." + name, timeoutMillis)
                .map(lock -> {
                    HELD.put(name, lock);
                    return Response.ok("acquired").build();
                })
                .otherwise(failure -> Response.status(409).entity(String.valueOf(failure.getMessage())).build())
                .toCompletionStage();
    }

    /** Releases a lock this node holds: 204, or 404 when it holds none of that name. */
    @DELETE
    @Path("/locks/{name}")
    public Response unlock(@PathParam("name") String name) {
        Lock lock = HELD.remove(name);
        if (lock == null) {
            return Response.status(404).build();
        }
        lock.release();
        return Response.noContent().build();
    }
}
