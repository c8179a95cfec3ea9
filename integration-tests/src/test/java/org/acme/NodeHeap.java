package org.acme;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The used heap of another JVM after full collections, read with {@code jcmd}, in bytes. */
final class NodeHeap {

    /** G1 prints "garbage-first heap   total 262144K, used 10240K [...]"; other collectors print "used" the same way. */
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private NodeHeap() {
    }

    static long afterGc(long pid) throws Exception {
        // Twice: the first collection may only queue objects waiting for finalization or reference cleaning
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no used heap in: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** The node's live objects by class, most bytes first ({@code jcmd GC.class_histogram}), into {@code file}. */
    static void histogram(long pid, Path file) throws Exception {
        java.nio.file.Files.writeString(file, jcmd(pid, "GC.class_histogram"));
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
        }
        return output;
    }
}
