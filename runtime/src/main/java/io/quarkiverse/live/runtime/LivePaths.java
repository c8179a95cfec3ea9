package io.quarkiverse.live.runtime;

/**
 * The paths Quarkus Live serves under {@code quarkus.live.root-path}; shared by the build steps and the runtime so
 * both always agree.
 */
public final class LivePaths {

    private LivePaths() {
    }

    public static String root(String configured) {
        String root = configured.startsWith("/") ? configured : "/" + configured;
        return root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
    }

    public static String runtimeScript(String configuredRoot) {
        return root(configuredRoot) + "/runtime.js";
    }

    public static String webSocket(String configuredRoot) {
        return root(configuredRoot) + "/ws";
    }
}
