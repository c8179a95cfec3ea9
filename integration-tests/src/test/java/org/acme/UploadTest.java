package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Uploads over real HTTP: files announced, checked against the parameter's limits before a byte is sent, sent in
 * chunks (one sent again after a failure, one at a wrong offset refused), bound to the handler whole, and released
 * after the call. Another browser can neither announce files to the component nor send or cancel its uploads.
 */
@QuarkusTest
class UploadTest {

    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*/)form/[^/\"]+/([^\"?]+)");

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A page of the attachments component as one browser sees it, and its live connection. */
    private record Page(String id, URI uploads, String target, String cookie, LiveClient client) {
    }

    private Page open(String cookie) throws Exception {
        String html = LiveClient.page("/attachments", cookie);
        Matcher action = ACTION.matcher(html);
        assertTrue(action.find(), html);
        String id = LiveClient.componentIds(html).get(0);
        LiveClient client = LiveClient.connectAs(base, cookie);
        client.join(id);
        return new Page(id, base.resolve(action.group(1) + "upload/"), action.group(2), cookie, client);
    }

    private HttpResponse<String> announce(Page page, String cookie, JsonArray files) throws Exception {
        return http.send(HttpRequest.newBuilder(page.uploads().resolve(page.target())).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                        .put("field", "documents").put("files", files).encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> chunk(Page page, String cookie, String upload, long offset, byte[] bytes)
            throws Exception {
        return http.send(HttpRequest.newBuilder(page.uploads().resolve(upload + "?offset=" + offset))
                .header("Cookie", cookie).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonArray files(Object... nameSizeType) {
        JsonArray files = new JsonArray();
        for (int i = 0; i < nameSizeType.length; i += 3) {
            files.add(new JsonObject().put("name", nameSizeType[i]).put("size", nameSizeType[i + 1])
                    .put("type", nameSizeType[i + 2]));
        }
        return files;
    }

    @Test
    void aFileArrivesInChunksWholeAndIsReleasedAfterTheCall() throws Exception {
        Page page = open(LiveClient.newAttackerCookie());
        byte[] content = new byte[200_000];
        new Random(7).nextBytes(content);
        HttpResponse<String> announced = announce(page, page.cookie(), files("notes.txt", content.length, "text/plain"));
        assertEquals(200, announced.statusCode(), announced.body());
        JsonObject answer = new JsonObject(announced.body());
        String upload = answer.getJsonArray("ids").getString(0);
        int size = answer.getInteger("chunk");
        assertEquals(65536, size);

        // A chunk at the wrong offset is refused with where the server stands; sent from there, the upload goes on
        HttpResponse<String> early = chunk(page, page.cookie(), upload, 1000, Arrays.copyOfRange(content, 0, 10));
        assertEquals(409, early.statusCode());
        assertEquals(0, new JsonObject(early.body()).getLong("received"));
        for (int at = 0; at < content.length; at += size) {
            HttpResponse<String> sent = chunk(page, page.cookie(), upload, at,
                    Arrays.copyOfRange(content, at, Math.min(content.length, at + size)));
            assertEquals(200, sent.statusCode(), sent.body());
        }
        // The progress the component renders follows the chunks
        page.client().awaitRender(page.id(), html -> !html.contains("class=\"progress\""));

        JsonObject attached = page.client().event(page.id(), "attach", new JsonArray().add(upload));
        assertEquals("ok", attached.getString("t"), attached.encode());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        assertTrue(attached.getString("html").contains("notes.txt")
                && attached.getString("html").contains("200000 bytes, SHA-256 " + sha), attached.encode());

        // Taken by that call: the same id binds no more
        JsonObject again = page.client().event(page.id(), "attach", new JsonArray().add(upload));
        assertEquals("bad-arguments", again.getString("code"), again.encode());
        assertEquals("was not uploaded completely", again.getJsonObject("errors").getString("documents"));
        page.client().close();
    }

    @Test
    void filesPastTheLimitsAreRefusedBeforeAByteIsSentWithAMessageNextToTheField() throws Exception {
        Page page = open(LiveClient.newAttackerCookie());
        HttpResponse<String> large = announce(page, page.cookie(), files("big.png", 2_000_000, "image/png"));
        assertEquals(422, large.statusCode());
        assertEquals("big.png is larger than 1 MB", new JsonObject(large.body()).getString("message"));
        page.client().awaitRender(page.id(), html -> html.contains("big.png is larger than 1 MB"));

        HttpResponse<String> type = announce(page, page.cookie(), files("setup.exe", 1000, "application/x-msdownload"));
        assertEquals(422, type.statusCode());
        assertEquals("setup.exe is not of an accepted type: image/png, image/jpeg, .txt",
                new JsonObject(type.body()).getString("message"));

        HttpResponse<String> many = announce(page, page.cookie(), files("a.txt", 1, "", "b.txt", 1, "", "c.png", 1,
                "image/png", "d.jpg", 1, "image/jpeg"));
        assertEquals(422, many.statusCode());
        assertEquals("at most 3 files at once", new JsonObject(many.body()).getString("message"));

        HttpResponse<String> fine = announce(page, page.cookie(), files("photo.JPG", 1000, "image/jpeg",
                "readme.TXT", 10, ""));
        assertEquals(200, fine.statusCode(), fine.body());
        page.client().awaitRender(page.id(), html -> html.contains("id=\"error-documents\"></span>"));
        page.client().close();
    }

    @Test
    void anotherBrowserCanNeitherAnnounceNorSendNorCancel() throws Exception {
        Page page = open(LiveClient.newAttackerCookie());
        String other = LiveClient.newAttackerCookie();
        assertEquals(403, announce(page, other, files("x.txt", 3, "text/plain")).statusCode());

        HttpResponse<String> announced = announce(page, page.cookie(), files("x.txt", 3, "text/plain"));
        String upload = new JsonObject(announced.body()).getJsonArray("ids").getString(0);
        assertEquals(404, chunk(page, other, upload, 0, "bad".getBytes()).statusCode());
        assertEquals(404, http.send(HttpRequest.newBuilder(page.uploads().resolve(upload)).header("Cookie", other)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(page.uploads().resolve(page.target()))
                .header("Cookie", page.cookie()).header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode());

        // The owner's upload is untouched by all that
        assertEquals(200, chunk(page, page.cookie(), upload, 0, "abc".getBytes()).statusCode());
        JsonObject attached = page.client().event(page.id(), "attach", new JsonArray().add(upload));
        assertTrue(attached.getString("html").contains("3 bytes, SHA-256 ba7816bf8f01"), attached.encode());
        page.client().close();
    }

    @Test
    void aCancelledUploadIsGone() throws Exception {
        Page page = open(LiveClient.newAttackerCookie());
        HttpResponse<String> announced = announce(page, page.cookie(), files("x.txt", 100_000, "text/plain"));
        String upload = new JsonObject(announced.body()).getJsonArray("ids").getString(0);
        assertEquals(200, chunk(page, page.cookie(), upload, 0, new byte[65536]).statusCode());
        page.client().awaitRender(page.id(), html -> html.contains("65%"));
        assertEquals(204, http.send(HttpRequest.newBuilder(page.uploads().resolve(upload))
                .header("Cookie", page.cookie()).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        page.client().awaitRender(page.id(), html -> !html.contains("class=\"progress\""));
        assertEquals(404, chunk(page, page.cookie(), upload, 65536, new byte[10]).statusCode());
        page.client().close();
    }
}
