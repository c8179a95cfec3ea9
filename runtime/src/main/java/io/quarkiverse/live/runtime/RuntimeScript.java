package io.quarkiverse.live.runtime;

import jakarta.inject.Singleton;

/**
 * The tag that loads the browser runtime. It follows every mounted component: a module script runs once per page
 * however often the page names it, so pages never add it themselves and never load it twice.
 */
@Singleton
public class RuntimeScript {

    private final String tag;

    RuntimeScript(LiveBuildTimeConfig config) {
        this.tag = "<script type=\"module\" src=\"" + LivePaths.runtimeScript(config.rootPath()) + "\"></script>";
    }

    public String tag() {
        return tag;
    }
}
