package org.acme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged demo ({@code target/quarkus-app/quarkus-run.jar}, built by the package phase that runs before the *IT
 * tests) as a process of its own, serving HTTP on 127.0.0.1. Its output goes to {@code target/<name>.log}, emptied when
 * the node is created and appended to by every start, so a node can be stopped and started again on the same port.
 *
 * <pre>
 * AppNode node = new AppNode("my-it", List.of("-Dsome.property=value"));
 * node.start();                       // returns once GET /counter answers 200
 * node.get("/counter").statusCode();  // plain HTTP against the node
 * node.stop();                        // SIGTERM, a graceful shutdown; kill() for a crash
 * </pre>
 */
final class AppNode implements AutoCloseable {

    private static final Pattern CLAIM = Pattern.compile("data-live-mount=\"([^\"]+)\"");

    /** The claims ({@code data-live-mount}) of the pages {@link #mount} rendered, by component id. */
    final Map<String, String> lastClaims = new ConcurrentHashMap<>();

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> jvmArguments;
    private final Path log;
    private Process process;

    /** A node on a free port; {@code jvmArguments} go before {@code -jar}, such as {@code -Dname=value}. */
    AppNode(String name, List<String> jvmArguments) {
        this(name, freePort(), jvmArguments);
    }

    AppNode(String name, int port, List<String> jvmArguments) {
        this.name = name;
        this.port = port;
        this.jvmArguments = List.copyOf(jvmArguments);
        this.log = Path.of("target", name + ".log");
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** Starts the process and returns at once; {@link #awaitServing()} waits for it. */
    AppNode launch() {
        assertTrue(Files.exists(JAR), "package the demo first (mvn verify runs the *IT tests after the package phase)");
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(jvmArguments);
        command.add("-jar");
        command.add(JAR.toString());
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until the node answers GET /counter with 200; fails at once, with its log, if the process ends. */
    AppNode awaitServing() {
        return awaitServing(Duration.ofMillis(100));
    }

    /** As {@link #awaitServing()}, asking every {@code interval}: a start-up timed to the millisecond asks often. */
    AppNode awaitServing(Duration interval) {
        await("%s serving on port %d".formatted(name, port)).atMost(START_TIMEOUT).pollInterval(interval)
                .until(() -> {
                    if (!isAlive()) {
                        throw new AssertionError(name + " ended before serving; its log:\n" + logText());
                    }
                    try {
                        return get("/counter").statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return this;
    }

    /** {@link #launch()} then {@link #awaitServing()}. */
    AppNode start() {
        return launch().awaitServing();
    }

    /** The process id of the running node, for tools such as {@code jcmd}. */
    long pid() {
        if (!isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** A graceful stop (SIGTERM: Quarkus shuts down, a clustered node leaves its cluster); forced after 30 s. */
    void stop() {
        if (isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A crash: SIGKILL, no shutdown at all (a clustered node just stops answering). */
    void kill() {
        if (isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Everything the node printed so far, over all its starts. */
    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) throws IOException {
        return send("POST", path, body);
    }

    HttpResponse<String> put(String path, String body) throws IOException {
        return send("PUT", path, body);
    }

    HttpResponse<String> delete(String path) throws IOException {
        return send("DELETE", path, null);
    }

    /**
     * Renders a live page as the test browser ({@link LiveClient#BROWSER_COOKIE}) and returns its component's id, for a
     * {@link LiveClient} to join on this node or another.
     */
    String mount(String path) throws IOException {
        return LiveClient.componentIds(page(path)).get(0);
    }

    /**
     * The page at {@code path}, loaded as the test browser ({@link LiveClient#BROWSER_COOKIE}); the claim of its first
     * component, when it carries one, is kept in {@link #lastClaims}.
     */
    String page(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Cookie", LiveClient.BROWSER_COOKIE).GET().build();
        try {
            HttpResponse<String> page = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertTrue(page.statusCode() == 200, path + " on " + this + " answered " + page.statusCode());
            String id = LiveClient.componentIds(page.body()).get(0);
            Matcher claim = CLAIM.matcher(page.body());
            if (claim.find()) {
                lastClaims.put(id, claim.group(1));
            }
            return page.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** One request with a plain-text body (or none), answered within 10 s. */
    HttpResponse<String> send(String method, String path, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ")";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
