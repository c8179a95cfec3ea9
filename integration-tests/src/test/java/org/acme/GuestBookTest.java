package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The guest book component's own code, called as the engine calls it once handlers marked {@code @Transactional} run
 * off the event loop: here on the test's thread, with the request context active.
 */
@QuarkusTest
class GuestBookTest {

    @Inject
    Instance<GuestBook> guestBooks;

    @Inject
    Validator validator;

    @Test
    void signaturesAreStoredAndReadByLaterVisitors() {
        String message = "Stored " + UUID.randomUUID();
        GuestBook first = guestBooks.get();
        assertFalse(first.loaded);
        first.onMount();
        assertTrue(first.loaded);
        assertEquals(Math.min(GuestBookEntry.count(), GuestBook.SHOWN), first.entries.size());

        first.sign(new GuestBook.Signature("  Ada  ", message + "\n"));
        GuestBook.Entry newest = first.entries.get(0);
        assertEquals("Ada", newest.name());
        assertEquals(message, newest.message());
        assertTrue(newest.when().endsWith(" UTC"), newest.when());

        GuestBook later = guestBooks.get();
        later.onMount();
        assertEquals(message, later.entries.get(0).message());
        guestBooks.destroy(first);
        guestBooks.destroy(later);
    }

    @Test
    void theListShowsTheLatestEntriesOnly() {
        GuestBook book = guestBooks.get();
        for (int i = 0; i <= GuestBook.SHOWN; i++) {
            book.sign(new GuestBook.Signature("Bulk", "Entry " + i));
        }
        assertEquals(GuestBook.SHOWN, book.entries.size());
        assertEquals("Entry " + GuestBook.SHOWN, book.entries.get(0).message());
        guestBooks.destroy(book);
    }

    @Test
    void signaturesAreValidated() {
        assertEquals(Map.of("name", "must not be blank", "message", "must not be blank"),
                messages(new GuestBook.Signature(" ", "")));
        assertEquals(Map.of("message", "size must be between 0 and 280"),
                messages(new GuestBook.Signature("Ada", "x".repeat(281))));
        assertEquals(Map.of(), messages(new GuestBook.Signature("Ada", "x".repeat(280))));
    }

    private Map<String, String> messages(GuestBook.Signature signature) {
        return validator.validate(signature).stream().collect(Collectors.toMap(
                violation -> violation.getPropertyPath().toString(), ConstraintViolation::getMessage));
    }
}
