package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * However many pages a client opens, the files announced to all of them together stay within
 * {@code quarkus.live.max-upload-storage} (here 300,000 bytes): past it an announcement is refused with 503 and a
 * message, and room comes back when an upload goes.
 */
@QuarkusTest
@TestProfile(UploadStorageTest.SmallStorage.class)
class UploadStorageTest {

    public static class SmallStorage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.live.max-upload-storage", "300000");
        }
    }

    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*/)form/[^/\"]+/([^\"?]+)");

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> announceOnANewPage(String cookie, long size) throws Exception {
        Matcher action = ACTION.matcher(LiveClient.page("/attachments", cookie));
        action.find();
        String body = new JsonObject().put("field", "documents").put("files", new JsonArray()
                .add(new JsonObject().put("name", "notes.txt").put("size", size).put("type", "text/plain"))).encode();
        return http.send(HttpRequest.newBuilder(base.resolve(action.group(1) + "upload/" + action.group(2)))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void announcementsPastTheStorageWaitUntilAnUploadGoes() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        HttpResponse<String> first = announceOnANewPage(cookie, 200_000);
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> second = announceOnANewPage(cookie, 200_000);
        assertEquals(503, second.statusCode(), second.body());
        assertEquals("too many uploads are under way; try again in a moment",
                new JsonObject(second.body()).getString("message"));

        String upload = new JsonObject(first.body()).getJsonArray("ids").getString(0);
        String uploads = first.uri().resolve(".").toString();
        assertEquals(204, http.send(HttpRequest.newBuilder(URI.create(uploads + upload)).header("Cookie", cookie)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, announceOnANewPage(cookie, 200_000).statusCode(), "room again once the first upload went");
    }
}
