package io.quarkiverse.live.runtime.upload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.live.UploadedFile;

/**
 * The files being uploaded to one component, by upload id. An entry leaves when a handler call takes it (complete),
 * when the browser cancels it or announces other files for its field, when it has been idle for
 * {@code quarkus.live.upload-timeout}, or with the component; its file is deleted then. Chunks arrive on HTTP threads while the component renders on its own: every method is synchronized.
 */
public final class ComponentUploads {

    private final Map<String, UploadEntry> entries = new LinkedHashMap<>();

    /** A file as the browser announced it, before sending it. */
    public record Announced(String name, long size, String type) {
    }

    /**
     * Starts the uploads of a field: its earlier entries go, and each announced file gets an entry and an id, which
     * names its component.
     *
     * @return the entries' ids, in the order of the files; {@code null} when the storage has no room for them
     */
    synchronized List<String> start(String componentId, String field, List<Announced> files, Path directory,
            UploadStorage storage) {
        cancelField(field);
        if (!storage.reserve(files.stream().mapToLong(Announced::size).sum())) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (Announced file : files) {
            // The component's id first, so that a chunk finds its component; a random part no one can guess after it
            String id = componentId + "." + UUID.randomUUID();
            entries.put(id, new UploadEntry(id, field, file.name(), file.type(), file.size(),
                    directory.resolve(id), storage));
            ids.add(id);
        }
        return ids;
    }

    synchronized UploadEntry entry(String id) {
        return entries.get(id);
    }

    /** The browser cancelled the upload: the entry and its file go. */
    synchronized UploadEntry cancel(String id) {
        UploadEntry entry = entries.remove(id);
        if (entry != null) {
            entry.delete();
        }
        return entry;
    }

    private void cancelField(String field) {
        entries.values().removeIf(entry -> {
            if (entry.field.equals(field)) {
                entry.delete();
                return true;
            }
            return false;
        });
    }

    /**
     * A complete upload, for the handler call that names it; the call removes it when it is over
     * ({@link #release}), whether its handler ran or not.
     *
     * @return the upload, or {@code null} when no complete upload has that id
     */
    public synchronized UploadedFile take(String id) {
        UploadEntry entry = entries.get(id);
        return entry == null || !entry.isComplete() || entry.writing ? null : entry;
    }

    /** The uploads among a call's arguments, single or in a collection, leave and their files are deleted. */
    public synchronized void release(Object[] arguments) {
        for (Object argument : arguments) {
            if (argument instanceof Collection<?> values) {
                values.forEach(this::release);
            } else {
                release(argument);
            }
        }
    }

    private void release(Object argument) {
        if (argument instanceof UploadEntry entry && entries.remove(entry.id, entry)) {
            entry.delete();
        }
    }

    /** Where the uploads of a field stand, for the template: {@code uploads.avatar.progress}. */
    public synchronized UploadProgress progress(String field) {
        long size = 0;
        long received = 0;
        List<String> names = new ArrayList<>();
        for (UploadEntry entry : entries.values()) {
            if (entry.field.equals(field)) {
                size += entry.size();
                received += entry.received;
                names.add(entry.fileName());
            }
        }
        boolean any = !names.isEmpty();
        int percent = !any ? 0 : size == 0 ? 100 : (int) (received * 100 / size);
        return new UploadProgress(percent, any && received < size, any && received == size, List.copyOf(names));
    }

    /** The entries idle for longer than the timeout leave, their files deleted; returns whether any did. */
    synchronized boolean expire(long idleNanos) {
        long now = System.nanoTime();
        return entries.values().removeIf(entry -> {
            if (!entry.writing && now - entry.lastActivity > idleNanos) {
                entry.delete();
                return true;
            }
            return false;
        });
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The component is gone: every file goes. */
    synchronized void deleteAll() {
        entries.values().forEach(UploadEntry::delete);
        entries.clear();
    }
}
