package io.quarkiverse.live.runtime.transport.form;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkiverse.live.runtime.component.ComponentIds;

/**
 * The per-page token of the no-JavaScript path (a CSRF token): a form posts to a URL that names its component and
 * carries this token, an HMAC of the component's id and the browser it was rendered for, under a key drawn at start.
 * Another site cannot know it (it never sees the page), another browser's cookie does not match it, and a page of an
 * earlier run of the application is refused. Nothing is stored.
 */
@Singleton
public class FormTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;
    /**
     * One initialized {@code Mac} per thread, reused: every render of every component computes its token, and
     * {@code doFinal} leaves the {@code Mac} ready for the next.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    FormTokens() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The token of the component for the browser ({@code null}: a component of no browser). */
    public String of(String componentId, String browser) {
        byte[] signed = macs.get().doFinal((componentId + "\n" + (browser == null ? "" : browser))
                .getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(signed).substring(0, 22);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the token is the component's for the browser; in constant time. */
    public boolean matches(String componentId, String browser, String token) {
        return token != null && ComponentIds.sameSecret(of(componentId, browser), token);
    }
}
