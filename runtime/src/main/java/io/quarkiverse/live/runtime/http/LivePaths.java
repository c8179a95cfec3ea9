package io.quarkiverse.live.runtime.http;

/**
 * The paths Quarkus Live serves under {@code quarkus.live.root-path}; shared by the build steps and the runtime so
 * both always agree.
 */
public final class LivePaths {

    private LivePaths() {
    }

    /** The configured root as an absolute path without a trailing slash; {@code /} stays {@code /}. */
    public static String root(String configured) {
        String root = configured.strip();
        if (!root.startsWith("/")) {
            root = "/" + root;
        }
        while (root.length() > 1 && root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return root;
    }

    public static String runtimeScript(String configuredRoot) {
        return under(configuredRoot, "runtime.js");
    }

    /** The dev-mode script, served only in dev mode. */
    public static String devScript(String configuredRoot) {
        return under(configuredRoot, "dev.js");
    }

    /** The fallback carrier's script, which the runtime imports from beside itself when it needs it. */
    public static String fallbackScript(String configuredRoot) {
        return under(configuredRoot, "fallback.js");
    }

    public static String webSocket(String configuredRoot) {
        return under(configuredRoot, "ws");
    }

    /** The Server-Sent Events stream; a connection's POSTs go to {@code <stream>/<connection id>}. */
    public static String sse(String configuredRoot) {
        return under(configuredRoot, "sse");
    }

    /** Long polling: {@code GET} opens a connection; its polls and POSTs go to {@code <poll>/<connection id>}. */
    public static String poll(String configuredRoot) {
        return under(configuredRoot, "poll");
    }

    /** Forms posted without JavaScript: {@code <form>/<component name>/<component id>.<token>}. */
    public static String form(String configuredRoot) {
        return under(configuredRoot, "form");
    }

    /** Where files for {@code UploadedFile} parameters are announced, sent and cancelled. */
    public static String upload(String configuredRoot) {
        return under(configuredRoot, "upload");
    }

    /** The script that uploads them, loaded by pages of applications that take uploads. */
    public static String uploadScript(String configuredRoot) {
        return under(configuredRoot, "upload.js");
    }

    /** Never {@code //name}: a browser reads that as a URL of the host {@code name}. */
    private static String under(String configuredRoot, String name) {
        String root = root(configuredRoot);
        return (root.equals("/") ? "" : root) + "/" + name;
    }
}
