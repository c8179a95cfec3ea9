package io.quarkiverse.live.runtime.upload;

import java.util.List;
import java.util.Locale;

/**
 * What one upload field takes, from its handler parameter's {@code @Upload} (or the defaults): the largest file, how
 * many files, which types. {@code multiple}: the parameter is a list.
 */
public record UploadLimits(long maxSize, int maxFiles, List<String> accept, boolean multiple) {

    /** Whether the file is of an accepted type, by its media type or its name's extension, as {@code accept} says. */
    public boolean accepts(String fileName, String contentType) {
        if (accept.isEmpty()) {
            return true;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        for (String pattern : accept) {
            String wanted = pattern.trim().toLowerCase(Locale.ROOT);
            if (wanted.startsWith(".") ? name.endsWith(wanted)
                    : wanted.endsWith("/*") ? type.startsWith(wanted.substring(0, wanted.length() - 1))
                            : type.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** How many files one submit may send. */
    public int fileCount() {
        return multiple ? maxFiles : 1;
    }
}
