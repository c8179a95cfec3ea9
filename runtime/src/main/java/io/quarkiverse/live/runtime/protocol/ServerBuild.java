package io.quarkiverse.live.runtime.protocol;

/**
 * Names the build of the application that runs: a page that reconnects to a server of another build reloads itself,
 * since its runtime and its components' templates may have changed. A new id is made by every build; the restarts of
 * one dev-mode session keep theirs, since the restarted application mounts a rejoining page's components again.
 */
public final class ServerBuild {

    private final String id;

    public ServerBuild(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
