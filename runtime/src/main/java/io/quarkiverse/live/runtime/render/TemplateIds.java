package io.quarkiverse.live.runtime.render;

/**
 * Qute names a template both with and without its suffix ({@code Counter.html} and {@code Counter}); the build steps
 * and the runtime match component templates under both names the same way.
 */
public final class TemplateIds {

    private TemplateIds() {
    }

    /** {@code counter/main.html} becomes {@code counter/main}; an id without a suffix stays as it is. */
    public static String withoutSuffix(String templateId) {
        int dot = templateId.lastIndexOf('.');
        return dot > templateId.lastIndexOf('/') ? templateId.substring(0, dot) : templateId;
    }
}
