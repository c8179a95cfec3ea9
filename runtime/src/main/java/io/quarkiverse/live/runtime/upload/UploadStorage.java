package io.quarkiverse.live.runtime.upload;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The disk space every upload not yet gone may take, announced sizes counted, against
 * {@code quarkus.live.max-upload-storage}: however many pages a client opens, the files it announces cannot fill the
 * disk. An upload's size is reserved when it is announced and released when it goes, whichever way.
 */
final class UploadStorage {

    private final long max;
    private final AtomicLong reserved = new AtomicLong();

    UploadStorage(long max) {
        this.max = max;
    }

    /** Reserves the bytes; {@code false}, and nothing reserved, when they do not fit. */
    boolean reserve(long bytes) {
        long now;
        do {
            now = reserved.get();
            if (now + bytes > max) {
                return false;
            }
        } while (!reserved.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    long reserved() {
        return reserved.get();
    }
}
