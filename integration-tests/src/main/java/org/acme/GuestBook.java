package org.acme;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkiverse.live.Live;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * A guest book kept in a database: the latest entries are loaded when the browser joins, and a valid signature is
 * stored and shows in the list at once. Both methods are {@code @Transactional}, so they run on a worker thread.
 */
@Live(path = "/guestbook")
public class GuestBook {

    static final int NAME_MAX = 40;
    static final int MESSAGE_MAX = 280;
    static final int SHOWN = 20;

    /** The latest entries, newest first; copies, so the component keeps no entity beyond its transaction. */
    List<Entry> entries = List.of();
    /** Whether {@link #entries} has been read from the database yet: the first paint comes before {@code onMount()}. */
    boolean loaded;

    @Transactional
    void onMount() {
        load();
    }

    @Transactional
    void sign(@Valid Signature signature) {
        GuestBookEntry entry = new GuestBookEntry();
        entry.name = signature.name().strip();
        entry.message = signature.message().strip();
        entry.createdAt = Instant.now();
        entry.persist();
        load();
    }

    private void load() {
        entries = GuestBookEntry.<GuestBookEntry> findAll(Sort.descending("createdAt", "id"))
                .page(Page.ofSize(SHOWN))
                .list().stream()
                .map(Entry::of)
                .toList();
        loaded = true;
    }

    /** What the form sends. */
    public record Signature(
            @NotBlank @Size(max = NAME_MAX) String name,
            @NotBlank @Size(max = MESSAGE_MAX) String message) {
    }

    /** What the list shows of an entry. */
    public record Entry(long id, String name, String message, Instant createdAt) {

        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC);

        static Entry of(GuestBookEntry entity) {
            return new Entry(entity.id, entity.name, entity.message, entity.createdAt);
        }

        public String when() {
            return WHEN.format(createdAt);
        }
    }
}
