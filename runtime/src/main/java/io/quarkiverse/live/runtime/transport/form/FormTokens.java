package io.quarkiverse.live.runtime.transport.form;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.ComponentIds;
import io.quarkiverse.live.runtime.shared.ClusterKeys;
import io.quarkiverse.live.runtime.shared.SharedStore;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.Vertx;

/**
 * The per-page token of the no-JavaScript path (a CSRF token): a form posts to a URL that names its component and
 * carries this token, an HMAC of the component's id and the browser it was rendered for. Another site cannot know it
 * (it never sees the page), and another browser's cookie does not match it. Nothing is stored.
 * <p>
 * The key: derived from {@code quarkus.live.form-token-secret} when it is set, so every node and every run of the
 * application accept a page's token; else, in a cluster, one the nodes agree on at start ({@link ClusterKeys}), so
 * every node accepts it until the whole cluster stops; else one drawn at start, so a page of an earlier run is
 * refused. Until the cluster's key is known, tokens are signed with the drawn key, which stays good on this node.
 */
@Singleton
@Startup
public class FormTokens {

    /** As many characters as the key has bytes: a shorter secret is easier to guess than the key it makes. */
    static final int MIN_SECRET_LENGTH = 32;
    static final String CLUSTER_KEY = "quarkus-live.form-tokens-key";

    private static final Logger LOG = Logger.getLogger(FormTokens.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec drawn;
    private volatile SecretKeySpec key;
    /**
     * One initialized {@code Mac} per thread and key, reused: every render of every component computes its token,
     * and {@code doFinal} leaves the {@code Mac} ready for the next.
     */
    private final ThreadLocal<Signer> signers = new ThreadLocal<>();

    FormTokens(LiveRuntimeConfig config, SharedStore store, Vertx vertx) {
        drawn = hmacKey(drawnKey());
        key = config.formTokenSecret().map(secret -> hmacKey(keyOf(secret))).orElse(drawn);
        if (config.formTokenSecret().isEmpty() && vertx.isClustered()) {
            ClusterKeys.agree(store, CLUSTER_KEY).whenComplete((agreed, failure) -> {
                if (failure != null) {
                    LOG.warnf(failure, "No cluster key for the tokens of forms posted without JavaScript: a page"
                            + " rendered by this node posts to this node only");
                } else {
                    key = hmacKey(agreed);
                }
            });
        }
    }

    private static SecretKeySpec hmacKey(byte[] bytes) {
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static byte[] drawnKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static byte[] keyOf(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new ConfigurationException("quarkus.live.form-token-secret must have at least " + MIN_SECRET_LENGTH
                    + " characters; it has " + secret.length(), Set.of("quarkus.live.form-token-secret"));
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the component for the browser ({@code null}: a component of no browser). */
    public String of(String componentId, String browser) {
        return of(key, componentId, browser);
    }

    private String of(SecretKeySpec signing, String componentId, String browser) {
        Signer signer = signers.get();
        if (signer == null || signer.key() != signing) {
            signer = new Signer(signing, newMac(signing));
            signers.set(signer);
        }
        byte[] signed = signer.mac().doFinal((componentId + "\n" + (browser == null ? "" : browser))
                .getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(signed).substring(0, 22);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the token is the component's for the browser, under the key or the drawn one; in constant time. */
    public boolean matches(String componentId, String browser, String token) {
        if (token == null) {
            return false;
        }
        SecretKeySpec current = key;
        return ComponentIds.sameSecret(of(current, componentId, browser), token)
                || current != drawn && ComponentIds.sameSecret(of(drawn, componentId, browser), token);
    }

    private record Signer(SecretKeySpec key, Mac mac) {
    }
}
