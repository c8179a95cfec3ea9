package org.acme;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;

/**
 * The test proxy itself: HTTP goes through it, {@link CuttableProxy#cut()} breaks open and new connections, and
 * {@link CuttableProxy#restore()} lets them through again. Requests are written by hand on plain sockets, so no client
 * library retries or pools behind the test's back.
 */
@QuarkusTest
class CuttableProxyTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Vertx vertx;

    private CuttableProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = CuttableProxy.start(vertx, base.getHost(), base.getPort());
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void getWorksUntilCutAndAgainAfterRestore() throws IOException {
        assertThat(get("/demo.css"), containsString(".error"));
        assertThat(get("/counter"), containsString("Count: 0"));
        // A larger body (htmx, about 50 KB) arrives whole
        Matcher src = Pattern.compile("<script src=\"([^\"]+)\"").matcher(get("/htmx"));
        assertTrue(src.find());
        assertEquals(RestAssured.get(src.group(1)).then().statusCode(200).extract().asString(),
                get(src.group(1)));

        proxy.cut();
        assertTrue(proxy.isCut());
        IOException refused = assertThrows(IOException.class, () -> get("/demo.css"));
        System.out.println("A GET through the cut proxy fails: " + refused);

        proxy.restore();
        assertThat(get("/demo.css"), containsString(".error"));
    }

    @Test
    void cutClosesAnOpenConnection() throws IOException {
        try (Socket socket = connect()) {
            InputStream in = socket.getInputStream();
            // A keep-alive request: the server leaves the connection open after its answer
            for (int i = 0; i < 2; i++) {
                send(socket, "/demo.css", true);
                assertThat(readResponse(in), containsString(".error"));
            }

            proxy.cut();

            try {
                assertEquals(-1, in.read(), "the connection delivers nothing more");
            } catch (SocketTimeoutException e) {
                fail("the connection is still open after cut()");
            } catch (SocketException e) {
                // Reset: closed as well
            }
        }
    }

    @Test
    void aConnectionAcceptedWhileCutIsClosedAtOnce() throws IOException {
        proxy.cut();
        try (Socket socket = connect()) {
            try {
                assertEquals(-1, socket.getInputStream().read(), "closed without a byte");
            } catch (SocketTimeoutException e) {
                fail("a connection accepted while cut stays open");
            } catch (SocketException e) {
                // Reset: closed as well
            }
        }
    }

    @Test
    void onlyLoopbackTargets() {
        assertThrows(IllegalArgumentException.class, () -> CuttableProxy.start(vertx, "192.0.2.1", 80));
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.setSoTimeout(5000);
        return socket;
    }

    /** A GET through the proxy on a connection of its own; the response's body. */
    private String get(String path) throws IOException {
        try (Socket socket = connect()) {
            send(socket, path, false);
            return readResponse(socket.getInputStream());
        }
    }

    private void send(Socket socket, String path, boolean keepAlive) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + (keepAlive ? "" : "Connection: close\r\n")
                + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads one response with a Content-Length or chunked body; fails when the connection ends before it. */
    private static String readResponse(InputStream in) throws IOException {
        String head = readHead(in);
        assertThat(head, startsWith("HTTP/1.1 200"));
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("transfer-encoding: chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    readLine(in);
                    return body.toString(StandardCharsets.UTF_8);
                }
                body.write(readExactly(in, size));
                readLine(in);
            }
        }
        int at = lower.indexOf("content-length:");
        assertTrue(at >= 0, head);
        int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).trim());
        return new String(readExactly(in, length), StandardCharsets.UTF_8);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the connection closed before a complete response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("the connection closed inside a response");
        }
        return bytes;
    }
}
