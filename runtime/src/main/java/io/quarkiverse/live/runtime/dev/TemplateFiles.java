package io.quarkiverse.live.runtime.dev;

import java.util.Map;

/**
 * Where each component template's source lies, as a path relative to a resources directory of the application
 * ({@code templates/Counter.html}), by template id. The build finds them; dev mode reads the files a user saves.
 * Empty outside dev mode, and for templates that come from a jar.
 */
public final class TemplateFiles {

    private final Map<String, String> byTemplateId;

    public TemplateFiles(Map<String, String> byTemplateId) {
        this.byTemplateId = Map.copyOf(byTemplateId);
    }

    public Map<String, String> byTemplateId() {
        return byTemplateId;
    }
}
