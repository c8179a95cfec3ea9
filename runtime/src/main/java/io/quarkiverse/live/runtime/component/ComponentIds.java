package io.quarkiverse.live.runtime.component;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.inject.Singleton;

/**
 * Unguessable component ids and resume tokens: 128 random bits each, URL-safe base64. Knowing one tells nothing about
 * another.
 */
@Singleton
public class ComponentIds {

    private final SecureRandom random = new SecureRandom();
    private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

    public String next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return encoder.encodeToString(bytes);
    }

    /**
     * Compares a secret a client sent (a resume token, a browser id) with the real one, in a time that does not depend
     * on where they differ.
     */
    public static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
