package io.quarkiverse.live.runtime.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Lets any node of a cluster create a page's component that another node rendered, so no sticky sessions are needed:
 * the first paint of a page's component carries a claim (component, id, props, time, and the same for each child its
 * template mounted, with the child's key) signed with a key every node of the cluster shares, bound to the browser
 * that loaded the page. A node that does not know the id checks the claim and mounts the component afresh with the
 * same id and props, and its children with theirs under the same keys, so the browser's joins of the children find
 * them and the parent's renders show them. Issued only in a cluster, for components whose props, and their children's,
 * are plain values (strings, numbers, booleans, enum constants); a claim is good for
 * {@code quarkus.live.join-timeout}.
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
     * What another node needs to mount the component again: its name, id and props, when they are plain values
     * (strings, numbers, booleans, enum constants); else, and outside a cluster, {@code null}.
     */
    public JsonObject describe(String component, String id, Map<String, Object> props) {
        if (!clustered) {
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
        return JsonObject.of("c", component, "i", id, "p", plainProps);
    }

    /**
     * The claim of a page's component as its first paint shows it: its description and its children's, by the keys
     * its template gave them, signed for the browser. {@code null} when none is issued: not clustered, no key yet, or
     * the component or a child has props that are not plain values. Call on the component's task queue, or before a
     * browser joined it.
     */
    public String issue(MountedComponent page, String browser) {
        return key == null ? null : issue(withChildren(page), browser);
    }

    /** The claim of a description, children included ({@code null}: none), signed for the browser now. */
    String issue(JsonObject described, String browser) {
        byte[] signing = key;
        if (described == null || signing == null) {
            return null;
        }
        String payload = ENCODER.encodeToString(described.copy().put("t", System.currentTimeMillis()).encode()
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + sign(signing, payload, browser);
    }

    private static JsonObject withChildren(MountedComponent component) {
        JsonObject described = component.context().description();
        if (described == null) {
            return null;
        }
        JsonArray children = new JsonArray();
        for (Map.Entry<String, MountedComponent> child : component.childrenByKey().entrySet()) {
            JsonObject childDescribed = withChildren(child.getValue());
            if (childDescribed == null) {
                return null;
            }
            children.add(childDescribed.put("k", child.getKey()));
        }
        JsonObject copy = described.copy();
        return children.isEmpty() ? copy : copy.put("n", children);
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
        return claimOf(said);
    }

    private static Claim claimOf(JsonObject said) {
        List<Claim> children = new ArrayList<>();
        JsonArray described = said.getJsonArray("n", new JsonArray());
        for (int i = 0; i < described.size(); i++) {
            children.add(claimOf(described.getJsonObject(i)));
        }
        return new Claim(said.getString("c"), said.getString("i"), said.getString("k"),
                new LinkedHashMap<>(said.getJsonObject("p").getMap()), children);
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

    /**
     * A checked claim: the component to mount, its id, props and children; a child also has the key its parent's
     * template gave it ({@code null} for the page's component).
     */
    public record Claim(String component, String id, String key, Map<String, Object> props, List<Claim> children) {
    }
}
