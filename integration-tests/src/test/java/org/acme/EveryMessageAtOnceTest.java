package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * One submit of the signup form shows every problem: values that do not convert get messages written for end users,
 * in the browser's language, and every other field is still validated. The handler never runs with such input.
 */
@QuarkusTest
class EveryMessageAtOnceTest {

    @TestHTTPResource("/")
    URI base;

    private static JsonObject form(String name, String email, String age, String plan) {
        return new JsonObject().put("name", name).put("email", email).put("age", age).put("plan", plan)
                .put("terms", false);
    }

    private Map<String, Object> errorsOf(String language, JsonObject form) throws Exception {
        try (LiveClient client = LiveClient.connect(base, Map.of("Accept-Language", language))) {
            String id = LiveClient.componentIds(LiveClient.page("/signup")).get(0);
            client.join(id);
            JsonObject reply = client.event(id, "save", form);
            assertEquals("error", reply.getString("t"), reply.encode());
            assertEquals("bad-arguments", reply.getString("code"), reply.encode());
            JsonObject valid = form("Ada", "ada@example.org", "36", "PRO").put("terms", true);
            JsonObject checked = client.event(id, "check", valid);
            assertEquals("ok", checked.getString("t"), checked.encode());
            assertTrue(checked.getString("html").contains("0 saved"), "save() never ran: " + checked.encode());
            return reply.getJsonObject("errors").getMap();
        }
    }

    @Test
    void anEmptyFormShowsAMessageForEveryField() throws Exception {
        Map<String, Object> errors = errorsOf("en", form("", "", "", ""));
        assertEquals(Map.of("name", "must not be blank", "email", "must not be blank", "age", "must not be empty",
                "plan", "must not be null", "terms", "please accept the terms"), errors);
    }

    @Test
    void valuesThatDoNotConvertComeWithTheConstraintMessagesOfTheOthers() throws Exception {
        Map<String, Object> errors = errorsOf("en", form("Ada", "not an email", "abc", "GOLD"));
        assertEquals(Map.of("email", "must be a well-formed email address", "age", "must be a number",
                "plan", "must be one of: FREE, PRO, TEAM", "terms", "please accept the terms"), errors);
        assertEquals("must be a whole number", errorsOf("en", form("Ada", "ada@example.org", "18.5", "PRO"))
                .get("age"));
        assertEquals("is out of range", errorsOf("en", form("Ada", "ada@example.org", "99999999999", "PRO"))
                .get("age"));
    }

    @Test
    void conversionMessagesComeInTheBrowsersLanguage() throws Exception {
        Map<String, Object> german = errorsOf("de-CH,de;q=0.9", form("", "", "abc", "GOLD"));
        assertEquals("muss eine Zahl sein", german.get("age"));
        assertEquals("muss einer dieser Werte sein: FREE, PRO, TEAM", german.get("plan"));
        assertNotEquals("must not be blank", german.get("name"), "Hibernate Validator's own message, in German");

        Map<String, Object> french = errorsOf("fr", form("", "", "", ""));
        assertEquals("ne doit pas \u00eatre vide", french.get("age"));
        assertTrue(french.containsKey("name") && french.containsKey("email") && french.containsKey("plan"),
                french.toString());

        Map<String, Object> unsupported = errorsOf("ja", form("Ada", "ada@example.org", "abc", "PRO"));
        assertEquals(Map.of("age", "must be a number", "terms", "please accept the terms"), unsupported,
                "a language the application has not listed in quarkus.locales gets its default locale's");
    }

    @Test
    void anApplicationRewordsAConversionMessageInItsValidationMessages() throws Exception {
        try (LiveClient client = LiveClient.connect(base)) {
            String id = LiveClient.componentIds(LiveClient.page("/typed")).get(0);
            client.join(id);
            JsonObject reply = client.event(id, "day", "yesterday");
            assertEquals("must be a date such as 2024-05-31", reply.getJsonObject("errors").getString("day"),
                    reply.encode());
            assertTrue(reply.getString("message").contains("\"yesterday\" is not a valid LocalDate"),
                    "the developer's detail stays in the message: " + reply.encode());
        }
    }
}
