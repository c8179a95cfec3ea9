package org.acme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link FloorServer} as a process of its own, started from this JVM's class path: like the demo's node it keeps its
 * sockets, heap and garbage collection out of the client's process, and 10,000 connections have both ends in different
 * processes (one process would pass the fd limit).
 */
final class FloorNode implements AutoCloseable {

    private final int port = AppNode.freePort();
    private final Process process;

    FloorNode(List<String> jvmArguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FloorServer.class.getName());
        command.add(Integer.toString(port));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        // Reads until the server says it listens; what it prints later is read and dropped so it never blocks on a pipe
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuilder printed = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = output.readLine()) != null;) {
                    if (!ready.isDone()) {
                        printed.append(line).append('\n');
                        if (line.startsWith(FloorServer.READY)) {
                            ready.complete(null);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("the floor server ended: " + printed));
        }, "floor-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
