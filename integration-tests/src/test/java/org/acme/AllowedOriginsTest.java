package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code quarkus.live.allowed-origins}, only pages of those origins may open a live connection, whatever the
 * request's own Host says.
 */
@QuarkusTest
@TestProfile(AllowedOriginsTest.PublicOrigin.class)
class AllowedOriginsTest {

    public static class PublicOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.live.allowed-origins", "https://live.example,https://www.live.example:8443");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void onlyTheAllowedOriginsMayConnect() throws Exception {
        try (LiveClient allowed = LiveClient.connect(base, "https://live.example");
                LiveClient other = LiveClient.connect(base, "https://WWW.live.example:8443")) {
            assertEquals("hello", allowed.hello.getString("t"));
            assertEquals("hello", other.hello.getString("t"), "compared without case");
        }
        for (String origin : new String[] { "http://" + base.getHost() + ":" + base.getPort(), "http://live.example",
                "https://live.example:444", "https://evil.example" }) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> LiveClient.connect(base, origin));
            assertTrue(refused.getCause().getMessage().contains("403"), origin + ": " + refused.getCause());
        }
    }
}
