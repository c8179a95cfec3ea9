package io.quarkiverse.live.runtime.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Lets any node of a cluster create a page's component that another node rendered, so no sticky sessions are needed:
 * the first paint of a page's component carries a claim (component, id, props, time) signed with a key every node of
 * the cluster shares, bound to the browser that loaded the page. A node that does not know the id checks the claim and
 * mounts the component afresh with the same id and props. Issued only in a cluster, for components whose props are
 * plain values (strings, numbers, booleans, enum constants) and whose template mounts no child component; a claim is
 * good for {@code quarkus.live.join-timeout}.
 */
@Singleton
public class MountClaims {

    static final String SECRET_KEY = "quarkus-live.mount-claims-key";
    private static final Logger LOG = Logger.getLogger(MountClaims.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SharedStore store;
    private final Duration maxAge;
    private final boolean clustered;
    private volatile byte[] key;

    @Inject
    MountClaims(SharedStore store, LiveRuntimeConfig config, Vertx vertx) {
        this.store = store;
        this.maxAge = config.joinTimeout();
        this.clustered = vertx.isClustered();
    }

    /** For tests: claims signed with the given key, good for {@code maxAge}. */
    MountClaims(byte[] key, Duration maxAge) {
        this.store = null;
        this.maxAge = maxAge;
        this.clustered = true;
        this.key = key.clone();
    }

    /** The key every node of the cluster signs claims with ({@link ClusterKeys}). */
    void agreeOnKey(@Observes StartupEvent event) {
        if (!clustered) {
            return;
        }
        ClusterKeys.agree(store, SECRET_KEY).whenComplete((agreed, failure) -> {
            if (failure != null) {
                LOG.warnf(failure, "No key for mount claims: pages are joined only on the node that rendered them");
            } else {
                key = agreed;
            }
        });
    }

    /**
     * The claim of a page's component, or {@code null} when none is issued (not clustered, no key yet, props that are
     * not plain values).
     */
    public String issue(String component, String id, Map<String, Object> props, String browser) {
        byte[] signing = key;
        if (!clustered || signing == null) {
            return null;
        }
        JsonObject plainProps = new JsonObject();
        for (Map.Entry<String, Object> prop : props.entrySet()) {
            Object value = prop.getValue();
            if (value instanceof Enum<?> constant) {
                value = constant.name();
            } else if (value instanceof Character character) {
                value = character.toString();
            } else if (value != null && !(value instanceof String) && !(value instanceof Number)
                    && !(value instanceof Boolean)) {
                return null;
            }
            plainProps.put(prop.getKey(), value);
        }
        String payload = ENCODER.encodeToString(JsonObject.of("c", component, "i", id, "p", plainProps, "t",
                System.currentTimeMillis()).encode().getBytes(StandardCharsets.UTF_8));
        return payload + "." + sign(signing, payload, browser);
    }

    /**
     * What a claim says, when it is signed with the cluster's key for this browser, names this id and is recent;
     * else {@code null}.
     */
    public Claim verify(String claim, String id, String browser) {
        byte[] signing = key;
        int dot = claim.indexOf('.');
        if (signing == null || dot < 0) {
            return null;
        }
        String payload = claim.substring(0, dot);
        byte[] expected = sign(signing, payload, browser).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, claim.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        JsonObject said;
        try {
            said = new JsonObject(new String(DECODER.decode(payload), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
        long age = System.currentTimeMillis() - said.getLong("t", 0L);
        if (!id.equals(said.getString("i")) || age < 0 || age > maxAge.toMillis()) {
            return null;
        }
        Map<String, Object> props = new LinkedHashMap<>(said.getJsonObject("p").getMap());
        return new Claim(said.getString("c"), props);
    }

    private static String sign(byte[] key, String payload, String browser) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(payload.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(String.valueOf(browser).getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** A checked claim: the component to mount and its props. */
    public record Claim(String component, Map<String, Object> props) {
    }
}
