package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.quarkiverse.live.SharedState;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The chat page with two users, each in a browser context of their own: their names, messages one sends reaching the
 * other, the "Here now" list following tabs opening and closing, and the form's messages next to its fields.
 */
@QuarkusTest
class ChatBrowserTest extends BrowserTestBase {

    /** How long a closed tab may stay in the others' lists: its socket closes at once, the list follows. */
    private static final double LEAVES_WITHIN_MS = 3_000;

    @Inject
    SharedState shared;

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void enter(Page page, String name) {
        page.getByLabel("Your name").fill(name);
        page.getByText("Join", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#chat-me")).hasText(name);
    }

    private static void send(Page page, String text) {
        page.getByLabel("Message").fill(text);
        page.getByText("Send", new Page.GetByTextOptions().setExact(true)).click();
    }

    private static Locator here(Page page, String name) {
        return page.locator("#here li", new Page.LocatorOptions().setHasText(name));
    }

    private static Locator message(Page page, String text) {
        return page.locator(".messages li", new Page.LocatorOptions().setHasText(text));
    }

    @Test
    void twoUsersSeeEachOtherAndEachOthersMessages() {
        String ada = unique("Ada");
        String bob = unique("Bob");
        Page first = open("/chat");
        enter(first, ada);
        assertThat(here(first, ada)).hasCount(1);

        BrowserContext other = anotherUser();
        try {
            Page second = open(other, "/chat");
            // Before picking a name, the second user already sees who is here
            assertThat(here(second, ada)).hasCount(1);
            enter(second, bob);
            for (Page page : List.of(first, second)) {
                assertThat(here(page, ada)).hasCount(1);
                assertThat(here(page, bob)).hasCount(1);
            }
            // Each browser keeps its own name
            assertThat(first.locator("#chat-me")).hasText(ada);

            String hello = "Hello from Ada " + UUID.randomUUID();
            send(first, hello);
            Locator received = message(second, hello);
            assertThat(received).hasCount(1);
            assertThat(received.locator(".message-author")).hasText(ada);
            // Newest at the bottom, in both
            assertThat(second.locator(".messages li").last().locator(".message-text")).hasText(hello);
            assertThat(first.locator(".messages li").last().locator(".message-text")).hasText(hello);
            // The sender's field is ready for the next message
            assertThat(first.getByLabel("Message")).hasValue("");

            String reply = "Hi Ada, Bob here " + UUID.randomUUID();
            send(second, reply);
            assertThat(message(first, reply).locator(".message-author")).hasText(bob);

            // Bob closes his tab: his name leaves Ada's list
            second.close();
            assertThat(here(first, bob)).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(LEAVES_WITHIN_MS));
            assertThat(here(first, ada)).hasCount(1);
            assertNoReload(first);
        } finally {
            other.close();
        }
    }

    @Test
    void messagesShowNextToTheirFields() {
        Page page = open("/chat");
        page.getByText("Join", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#error-name")).hasText("must not be blank");
        page.getByLabel("Your name").fill("x".repeat(41));
        page.getByText("Join", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#error-name")).hasText("size must be between 0 and 40");
        assertThat(page.getByLabel("Your name")).hasValue("x".repeat(41));

        String name = unique("Grace");
        enter(page, name);
        int shown = page.locator(".messages li").count();
        page.getByText("Send", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#error-text")).hasText("must not be blank");
        String tooLong = "y".repeat(501);
        send(page, tooLong);
        assertThat(page.locator("#error-text")).hasText("size must be between 0 and 500");
        // Nothing was sent, and what the user typed is still there
        assertThat(page.getByLabel("Message")).hasValue(tooLong);
        assertThat(page.locator(".messages li")).hasCount(shown);

        String fine = "Now a fine message " + UUID.randomUUID();
        send(page, fine);
        assertThat(message(page, fine)).hasCount(1);
        assertThat(page.locator("#error-text")).hasText("");
        assertNoReload(page);
    }

    @Test
    void theRoomKeepsTheLast100Messages() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ChatMessage> full = new ArrayList<>();
        for (int i = 0; i < Chat.KEPT; i++) {
            full.add(new ChatMessage("Old", "old message " + i + " of " + run, "00:00 UTC"));
        }
        shared.set(Chat.ROOM, full).toCompletableFuture().get(10, TimeUnit.SECONDS);

        Page page = open("/chat");
        enter(page, unique("Linus"));
        assertThat(page.locator(".messages li")).hasCount(Chat.KEPT);
        String newest = "the newest of " + run;
        send(page, newest);

        assertThat(page.locator(".messages li").last().locator(".message-text")).hasText(newest);
        assertThat(page.locator(".messages li")).hasCount(Chat.KEPT);
        assertThat(page.locator(".messages li").first().locator(".message-text")).hasText("old message 1 of " + run);
        List<ChatMessage> kept = shared.get(Chat.ROOM);
        assertEquals(Chat.KEPT, kept.size(), "the shared list is trimmed too");
    }
}
