package io.quarkiverse.live.runtime.shared;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletionStage;

import io.vertx.core.json.JsonObject;

/**
 * Keys the nodes of a cluster agree on at start, for what one node signs and another checks: each node offers a
 * random key under the key's name in the shared store, and every node takes the one stored first.
 */
public final class ClusterKeys {

    private ClusterKeys() {
    }

    /** The key stored under {@code name}, this node's offer if it is the first; fails when the store does. */
    public static CompletionStage<byte[]> agree(SharedStore store, String name) {
        byte[] offered = new byte[32];
        new SecureRandom().nextBytes(offered);
        SharedValue offer = new SharedValue(0,
                JsonObject.of("k", Base64.getUrlEncoder().withoutPadding().encodeToString(offered)).encode());
        return store.writeIfAbsent(name, offer).thenCompose(ignored -> store.read(name)).thenApply(stored -> {
            if (stored == null) {
                throw new IllegalStateException("No key stored under " + name);
            }
            return Base64.getUrlDecoder().decode(new JsonObject(stored.json()).getString("k"));
        });
    }
}
