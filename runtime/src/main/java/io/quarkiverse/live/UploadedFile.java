package io.quarkiverse.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A file a browser uploaded for a handler parameter, complete and within its {@link Upload} limits: a handler such as
 * {@code void saveAvatar(UploadedFile avatar)} or {@code void attach(List<UploadedFile> files)} receives it from an
 * {@code <input type="file">} of the submitted form.
 * <p>
 * The file waits in a temporary directory and is deleted once the handler returns (an asynchronous handler: once its
 * {@code Uni} or {@code CompletionStage} completes): a handler that keeps it moves or copies it first.
 */
public interface UploadedFile {

    /** The file's name as the browser gave it, without any directory: show it, never use it as a path. */
    String fileName();

    /** The media type the browser declared, {@code image/png} for example; {@code application/octet-stream} if none. */
    String contentType();

    /** The file's size in bytes. */
    long size();

    /** Where the file waits, until the handler returns. */
    Path path();

    /** Reads the file. */
    InputStream openStream() throws IOException;
}
