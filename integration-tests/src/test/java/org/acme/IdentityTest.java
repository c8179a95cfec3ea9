package org.acme;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * A component's handlers see the user who opened the connection through {@code SecurityIdentity}, on the event loop
 * and on a worker alike.
 */
@QuarkusTest
class IdentityTest {

    private static final String ADA = "Basic "
            + Base64.getEncoder().encodeToString("ada:lovelace".getBytes(StandardCharsets.UTF_8));

    @TestHTTPResource("/")
    URI base;

    private static String mount() {
        return LiveClient.componentIds(given().header("Authorization", ADA).header("Cookie", LiveClient.BROWSER_COOKIE).get("/whoami").then().statusCode(200)
                .extract().asString()).get(0);
    }

    @Test
    void handlersSeeTheConnectionsUser() throws Exception {
        String id = mount();
        try (LiveClient client = LiveClient.connect(base, Map.of("Authorization", ADA, "Cookie", LiveClient.BROWSER_COOKIE))) {
            client.join(id);
            JsonObject loop = client.event(id, "look");
            assertTrue(loop.getString("html").contains("class=\"event-loop\">ada<"), loop.encode());
            JsonObject worker = client.event(id, "lookFromAWorker");
            assertTrue(worker.getString("html").contains("class=\"worker\">ada<"), worker.encode());
        }
    }

    @Test
    void anAnonymousConnectionIsAnonymous() throws Exception {
        String id = mount();
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            JsonObject loop = client.event(id, "look");
            assertTrue(loop.getString("html").contains("class=\"event-loop\">anonymous<"), loop.encode());
        }
    }
}
