package io.quarkiverse.live.runtime.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.quarkiverse.live.UploadedFile;

/**
 * One file being uploaded to a component: announced by the browser with its name, size and type, then received in
 * chunks at {@link #received()} until complete. Its state is guarded by its {@link ComponentUploads}.
 */
final class UploadEntry implements UploadedFile {

    final String id;
    final String field;
    private final String fileName;
    private final String contentType;
    private final long size;
    private final Path path;
    private final UploadStorage storage;
    private boolean released;
    long received;
    long lastActivity = System.nanoTime();
    /** While a chunk is being written: another for the same entry is refused, so chunks never interleave. */
    boolean writing;

    UploadEntry(String id, String field, String fileName, String contentType, long size, Path path,
            UploadStorage storage) {
        this.id = id;
        this.storage = storage;
        this.field = field;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.path = path;
    }

    boolean isComplete() {
        return received == size;
    }

    /** The upload is gone: its file is deleted and its space released, once. */
    void delete() {
        if (!released) {
            released = true;
            storage.release(size);
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // The directory is the extension's own; a file left over is overwritten by no one and removed at exit
        }
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public InputStream openStream() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public String toString() {
        return "upload " + fileName + " (" + size + " bytes)";
    }
}
