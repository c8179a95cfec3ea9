package io.quarkiverse.live.runtime.transport.sse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.component.ComponentIds;
import io.quarkiverse.live.runtime.transport.Session;

/**
 * The open Server-Sent Events streams, by connection id: what a POST names to reach its stream's session. The ids are
 * unguessable (128 random bits, like component ids), and a POST must also carry the stream's browser cookie.
 */
@Singleton
public class SseStreams {

    private final ComponentIds ids;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    SseStreams(ComponentIds ids) {
        this.ids = ids;
    }

    /** A new connection id, not yet in use. */
    String newId() {
        return ids.next();
    }

    void opened(String id, Session session) {
        open.put(id, session);
    }

    /** The session of the open stream with that id; {@code null} when there is none (any more). */
    Session get(String id) {
        return open.get(id);
    }

    void closed(String id) {
        open.remove(id);
    }
}
