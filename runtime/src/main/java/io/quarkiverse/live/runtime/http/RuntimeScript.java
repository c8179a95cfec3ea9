package io.quarkiverse.live.runtime.http;

/**
 * The tag that loads the browser runtime. It follows every mounted component: a module script runs once per page
 * however often the page names it, so pages never add it themselves and never load it twice. The URL carries a hash of
 * the bundle, so a browser never keeps an old runtime from its cache after an upgrade.
 */
public class RuntimeScript {

    private final String tag;

    public RuntimeScript(String url) {
        this.tag = "<script type=\"module\" src=\"" + url + "\"></script>";
    }

    public String tag() {
        return tag;
    }
}
