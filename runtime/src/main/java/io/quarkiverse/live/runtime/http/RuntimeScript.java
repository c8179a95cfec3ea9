package io.quarkiverse.live.runtime.http;

/**
 * The tag that loads the browser runtime. It follows every mounted component: a module script runs once per page
 * however often the page names it, so pages never add it themselves and never load it twice. The URL carries a hash of
 * the bundle, so a browser never keeps an old runtime from its cache after an upgrade. In dev mode a second tag loads
 * the dev-mode script, which shows build errors and failed handlers in the page; elsewhere there is none.
 */
public class RuntimeScript {

    private final String tag;
    private final String root;

    /**
     * {@code devUrl}: the dev-mode script's, {@code null} outside dev mode. {@code uploadUrl}: the upload script's,
     * {@code null} when no handler takes files; it comes first, since it must see a form's submit before the runtime.
     */
    public RuntimeScript(String url, String devUrl, String uploadUrl) {
        String runtime = (uploadUrl == null ? "" : moduleScript(uploadUrl)) + moduleScript(url);
        this.tag = devUrl == null ? runtime : runtime + moduleScript(devUrl);
        this.root = url.substring(0, url.lastIndexOf('/', url.indexOf('?') < 0 ? url.length() : url.indexOf('?')) + 1);
    }

    public String tag() {
        return tag;
    }

    /** The root path as pages name it, with a trailing slash: where the runtime is, and what it posts to. */
    public String root() {
        return root;
    }

    private static String moduleScript(String url) {
        return "<script type=\"module\" src=\"" + url + "\"></script>";
    }
}
