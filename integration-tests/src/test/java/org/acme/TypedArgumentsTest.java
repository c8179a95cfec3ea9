package org.acme;

import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Client values converted to each kind of handler parameter, validated, and every kind of bad input refused with a
 * clear message while the connection stays usable and the state unchanged.
 */
@QuarkusTest
class TypedArgumentsTest {

    @TestHTTPResource("/")
    URI base;

    private LiveClient client;
    private String id;

    @BeforeEach
    void join() throws Exception {
        id = LiveClient.componentIds(LiveClient.page("/typed")).get(0);
        client = LiveClient.connect(base);
        client.join(id);
    }

    @AfterEach
    void close() throws Exception {
        client.close();
    }

    private String last(JsonObject reply) {
        assertEquals("ok", reply.getString("t"), reply.encode());
        String html = reply.getString("html");
        int start = html.indexOf("<p class=\"last\">") + 16;
        return html.substring(start, html.indexOf("</p>", start));
    }

    @Test
    void eachTypeIsConverted() {
        assertEquals("int 42", last(client.event(id, "number", "42")));
        assertEquals("int -7", last(client.event(id, "number", -7)));
        assertEquals("amount 12.50", last(client.event(id, "amount", "12.50")));
        assertEquals("day THURSDAY", last(client.event(id, "day", "2024-02-29")));
        assertEquals("uuid 123e4567-e89b-12d3-a456-426614174000",
                last(client.event(id, "id", "123e4567-e89b-12d3-a456-426614174000")));
        assertEquals("plan PRO", last(client.event(id, "plan", "PRO")));
        assertEquals("tags [a, b] 2", last(client.event(id, "tags", new JsonArray().add("a").add("b"),
                new JsonArray().add("1").add(2).add(2))));
        assertEquals("person Ada of Main Street", last(client.event(id, "person",
                new JsonObject().put("name", "Ada").put("address.street", "Main Street"))));
    }

    @Test
    void moreScalarAndTimeTypes() {
        assertEquals("moment 14 30 86400", last(client.event(id, "moment", "2024-05-01T14:00:00", "09:30",
                "1970-01-02T00:00:00Z")));
        assertEquals("scalars 9007199254740993 0.25 true 123456789012345678901234567890 x",
                last(client.event(id, "scalars", "9007199254740993", 0.25, true, "123456789012345678901234567890",
                        "x")));
        assertRefused(client.event(id, "scalars", 1, 1, "yes", 1, "x"), "flag", null);
        assertRefused(client.event(id, "moment", "yesterday", "09:30", "1970-01-02T00:00:00Z"), "at", null);
    }

    @Test
    void patternAndCustomClassLevelConstraints() {
        JsonObject reply = client.event(id, "code", "abc");
        assertEquals("invalid", reply.getString("code"), reply.encode());
        assertTrue(reply.getJsonObject("errors").getString("code").startsWith("must match"), reply.encode());
        assertEquals("code ABC", last(client.event(id, "code", "ABC")));

        reply = client.event(id, "password", new JsonObject().put("password", "secret").put("repeated", "secrte"));
        assertEquals("invalid", reply.getString("code"), reply.encode());
        assertEquals(Map.of("passwords", "the passwords differ"), reply.getJsonObject("errors").getMap());
        JsonObject shown = client.event(id, "number", 1);
        assertTrue(shown.getString("html").contains("<p class=\"error-passwords\">the passwords differ</p>"),
                shown.encode());
        assertEquals("password set", last(client.event(id, "password",
                new JsonObject().put("password", "secret").put("repeated", "secret"))));
        assertFalse(client.event(id, "number", 2).getString("html").contains("error-passwords"));
    }

    @Test
    void wrongTypesAreRefused() {
        assertRefused(client.event(id, "number", "abc"), "n", "\"abc\" is not a valid int");
        assertRefused(client.event(id, "number", 99999999999L), "n", "out of range for int");
        assertRefused(client.event(id, "number", 1.5), "n", null);
        assertRefused(client.event(id, "number", (Object) null), "n", null);
        assertRefused(client.event(id, "number", new JsonArray().add(1)), "n", null);
        assertRefused(client.event(id, "plan", "GOLD"), "plan", "\"GOLD\" is not a valid Plan");
        assertRefused(client.event(id, "day", "2024-02-30"), "day", null);
        assertRefused(client.event(id, "id", "not-a-uuid"), "id", null);
        assertRefused(client.event(id, "tags", "a", new JsonArray().add("x")), "numbers", null);
        assertStillWorks();
    }

    @Test
    void missingAndExtraArgumentsAreRefused() {
        assertEquals("bad-arguments", client.event(id, "number").getString("code"));
        assertEquals("bad-arguments", client.event(id, "number", 1, 2).getString("code"));
        assertStillWorks();
    }

    @Test
    void unknownFormFieldsAreRefusedNotIgnored() {
        JsonObject reply = client.event(id, "person", new JsonObject().put("name", "Ada")
                .put("address.street", "Main").put("class.classLoader.resources", "x"));
        assertRefused(reply, "class", "unknown field 'class'");
        reply = client.event(id, "person", new JsonObject().put("name", "Ada").put("address.street", "Main")
                .put("getClass", "x"));
        assertRefused(reply, "getClass", "unknown field 'getClass'");
        assertStillWorks();
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String nested = "[".repeat(1000) + "]".repeat(1000);
        JsonObject reply = client.sendRaw("{\"t\":\"event\",\"ref\":901,\"id\":\"" + id
                + "\",\"handler\":\"text\",\"args\":[" + nested + "]}");
        assertEquals("error", reply.getString("t"), reply.encode());
        assertStillWorks();
    }

    @Test
    void constraintsAreCheckedAndShownInTheTemplate() {
        JsonObject reply = client.event(id, "named", "");
        assertEquals("invalid", reply.getString("code"), reply.encode());
        assertEquals("must not be blank", reply.getJsonObject("errors").getString("name"), reply.encode());
        reply = client.event(id, "named", "far too long");
        assertTrue(reply.getJsonObject("errors").getString("name").contains("size must be between"), reply.encode());

        reply = client.event(id, "person", new JsonObject().put("name", " ").put("address.street", ""));
        assertEquals("invalid", reply.getString("code"), reply.encode());
        assertEquals(Map.of("name", "must not be blank", "address.street", "must not be blank"),
                reply.getJsonObject("errors").getMap());

        // The template showed the messages; a successful call clears them
        JsonObject ok = client.event(id, "person", new JsonObject().put("name", "Ada").put("address.street", "Main"));
        assertEquals("person Ada of Main", last(ok));
        assertTrue(ok.getString("html").contains("<p class=\"error-name\"></p>"), ok.encode());
        assertTrue(ok.getString("html").contains("<p class=\"error-street\"></p>"), ok.encode());
    }

    @Test
    void rejectedCallsShowTheirMessagesInTheTemplate() {
        client.event(id, "person", new JsonObject().put("name", "").put("address.street", "Main"));
        JsonObject reply = client.event(id, "number", 1);
        assertTrue(reply.getString("html").contains("<p class=\"error-name\">must not be blank</p>"),
                reply.encode());
    }

    @Test
    void messagesFollowTheBrowsersLanguage() throws Exception {
        String frenchId = LiveClient.componentIds(LiveClient.page("/typed")).get(0);
        try (LiveClient french = LiveClient.connect(base, Map.of("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5"))) {
            assertEquals("ok", french.join(frenchId).getString("t"));
            JsonObject reply = french.event(frenchId, "named", "");
            assertEquals("invalid", reply.getString("code"), reply.encode());
            assertEquals("ne doit pas être vide", reply.getJsonObject("errors").getString("name"), reply.encode());
        }
    }

    private static void assertRefused(JsonObject reply, String key, String message) {
        assertEquals("error", reply.getString("t"), reply.encode());
        assertEquals("bad-arguments", reply.getString("code"), reply.encode());
        String actual = reply.getJsonObject("errors").getString(key);
        assertFalse(actual == null || actual.isBlank(), "a message for " + key + ": " + reply.encode());
        if (message != null) {
            // The developer's detail; the user reads a message of their own (EveryMessageAtOnceTest)
            assertTrue(reply.getString("message").contains(key + ": " + message), reply.encode());
        }
    }

    /** Nothing before changed the state, and the same connection takes the next valid event. */
    private void assertStillWorks() {
        JsonObject reply = client.event(id, "number", 5);
        assertEquals("int 5", last(reply));
    }
}
