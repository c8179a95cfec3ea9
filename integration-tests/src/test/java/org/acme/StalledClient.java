package org.acme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import io.vertx.core.json.JsonObject;

/**
 * A browser that hangs: a plain TCP socket that speaks just enough WebSocket to join a component, then never reads
 * again (or reads only what a test asks for). Its receive buffer is kept small, so what the server sends piles up on
 * the server's side, as it does for a client on a dead network, instead of in the test machine's loopback buffers
 * (tens of megabytes). A Vert.x client cannot play this part: pausing it stops the messages, not the reading of the
 * socket.
 */
final class StalledClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final SecureRandom random = new SecureRandom();

    private StalledClient(URI base, String cookie) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        byte[] key = new byte[16];
        random.nextBytes(key);
        out.write(("GET /_live/ws HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nCookie: " + cookie + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String status = readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + status);
        }
    }

    /**
     * Connects as the browser of that cookie, joins the component and reads its answer: the last thing this client ever
     * reads.
     */
    static StalledClient joined(URI base, String cookie, String id) throws IOException {
        StalledClient client = new StalledClient(base, cookie);
        client.readFrame(); // hello
        client.sendText(new JsonObject().put("t", "join").put("v", 1).put("ref", 1).put("id", id).encode());
        client.readFrame(); // ok
        return client;
    }

    /** Sends a text frame (masked, as a client must) without reading anything back. */
    void sendText(String text) throws IOException {
        sendTexts(List.of(text));
    }

    /** Sends one text frame per message, all in one write, as a client that pipelines does. */
    void sendTexts(List<String> texts) throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (String text : texts) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            frames.write(0x81);
            if (payload.length < 126) {
                frames.write(0x80 | payload.length);
            } else {
                frames.write(0x80 | 126);
                frames.write(payload.length >> 8);
                frames.write(payload.length & 0xff);
            }
            byte[] mask = new byte[4];
            random.nextBytes(mask);
            frames.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frames.write(payload[i] ^ mask[i % 4]);
            }
        }
        out.write(frames.toByteArray());
        out.flush();
    }

    /** Reads messages until the answer with that ref, and returns it. */
    JsonObject answerTo(long ref) throws IOException {
        while (true) {
            String text = readFrame();
            if (text != null && Long.valueOf(ref).equals(new JsonObject(text).getLong("ref"))) {
                return new JsonObject(text);
            }
        }
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake");
            }
            headers.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    /**
     * The text of the next frame, which must be shorter than 64 KB (answers to joins and small events); {@code null} for
     * a control frame (the server's pings).
     */
    private String readFrame() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new IOException("closed by the server");
        }
        int length = in.read() & 0x7f;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            throw new IOException("a frame too long for this client");
        }
        String text = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return (first & 0x08) != 0 ? null : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
