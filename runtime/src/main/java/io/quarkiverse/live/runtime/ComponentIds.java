package io.quarkiverse.live.runtime;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.inject.Singleton;

/**
 * Unguessable component ids: 128 random bits, URL-safe base64. Knowing one id tells nothing about another.
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
}
