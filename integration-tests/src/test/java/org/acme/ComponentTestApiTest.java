package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.test.CallRefusedException;
import io.quarkiverse.live.test.LiveTest;
import io.quarkiverse.live.test.LiveView;
import io.quarkiverse.live.test.TestFile;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The test API for component authors (quarkus-live-test) on the demo's components: mounts with props and users,
 * clicks, submits and typing by CSS selector, calls by name, errors, pushes from shared state, and the mistakes a test
 * can make answered clearly. All of it through the real engine: no browser, no mock.
 */
@QuarkusTest
class ComponentTestApiTest {

    @Inject
    OpenCounters openCounters;

    @Test
    void aCounterCountsClicksAndCalls() {
        int open = openCounters.online();
        try (LiveView<Counter> counter = LiveTest.mount(Counter.class)) {
            assertEquals(open + 1, openCounters.online(), "onMount() ran at the join");
            counter.click("button:contains(+)").click("button:contains(+)").click("button:contains(-)");
            assertEquals("Count: 1", counter.text("h2"));
            counter.click("button:contains(+10)").call("add", 5);
            assertEquals("Count: 16", counter.text("h2"));
            assertEquals(16, counter.field("count"));
            assertEquals(16, counter.component().count);
        }
        assertEquals(open, openCounters.online(), "onUnmount() ran at the leave");
    }

    @Test
    void propsSetStateFieldsAsATemplateWould() {
        try (LiveView<Counter> counter = LiveTest.mount(Counter.class, Map.of("count", "41"))) {
            counter.click("button:contains(+)");
            assertEquals("Count: 42", counter.text("h2"));
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> LiveTest.mount(Counter.class, Map.of("cout", 1)));
        assertTrue(unknown.getMessage().contains("'cout'"), unknown.getMessage());
    }

    @Test
    void aTodoListThroughItsFormsAndButtons() {
        try (LiveView<TodoList> todos = LiveTest.mount(TodoList.class)) {
            todos.submit("form", Map.of("text", "Milk")).submit("form", Map.of("text", "Bread"));
            assertEquals(2, todos.count("li"));
            assertEquals("2 left", todos.text("small"));
            assertEquals("", todos.value("#todo-text"), "the server's HTML decides what a form holds after its submit");
            todos.input("#todo-text", "Eggs");
            assertEquals("Eggs", todos.value("#todo-text"), "what is typed stays until the server says otherwise");

            todos.change("li:contains(Milk) input[type=checkbox]", true);
            assertTrue(todos.text("li.done").contains("Milk"), todos.html());
            assertEquals("1 left", todos.text("small"));
            todos.click("li:contains(Bread) .remove");
            assertEquals(1, todos.count("li"));
        }
    }

    @Test
    void theSignupFormShowsEveryMessageAndTouchedFieldsWhileTyping() {
        try (LiveView<Signup> signup = LiveTest.mount(Signup.class)) {
            signup.input("input[name=email]", "ada@");
            assertEquals("must be a well-formed email address", signup.text("#error-email"));
            assertEquals("", signup.text("#error-name"), "only touched fields show messages while typing");

            signup.submit("form", Map.of("age", "abc"));
            assertEquals("must not be blank", signup.errors().get("name"));
            assertEquals("must be a number", signup.text("#error-age"));
            assertEquals("please accept the terms", signup.text("#error-terms"));
            assertEquals("0 saved", signup.text(".saves"));

            signup.submit("form", Map.of("name", "Ada", "email", "ada@example.org", "age", "36", "plan", "PRO",
                    "terms", true));
            assertEquals("Welcome, Ada! You chose the PRO plan.", signup.text(".welcome"));
            assertTrue(signup.errors().isEmpty());
        }
        try (LiveView<Signup> german = LiveTest.language("de").mount(Signup.class)) {
            german.submit("form", Map.of("age", "abc"));
            assertEquals("muss eine Zahl sein", german.text("#error-age"));
        }
    }

    @Test
    void filesGoThroughTheFormsFileInputWithTheUploadsChecks() {
        try (LiveView<Attachments> attachments = LiveTest.mount(Attachments.class)) {
            attachments.submit("form", Map.of("documents", List.of(
                    new TestFile("notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                    new TestFile("dot.png", "image/png", new byte[3]))));
            assertEquals(2, attachments.count(".attached li"));
            assertEquals("notes.txt 5 bytes, SHA-256 2cf24dba5fb0", attachments.text(".attached li"));

            attachments.submit("form", Map.of("documents", new TestFile("setup.exe", "application/x-msdownload",
                    new byte[1])));
            assertEquals("setup.exe is not of an accepted type: image/png, image/jpeg, .txt",
                    attachments.errors().get("documents"));
            assertEquals("setup.exe is not of an accepted type: image/png, image/jpeg, .txt",
                    attachments.text("#error-documents"));
            assertEquals(2, attachments.count(".attached li"), "nothing submitted");
        }
    }

    @Test
    void pushesFromSharedStateReachEveryView() {
        try (LiveView<SharedList> first = LiveTest.mount(SharedList.class);
                LiveView<SharedList> second = LiveTest.mount(SharedList.class)) {
            int before = Integer.parseInt(second.text(".count"));
            first.call("append", "pushed");
            second.waitFor(view -> view.text(".count").equals(String.valueOf(before + 1)));
            assertTrue(second.text("ol").contains("pushed"));
        }
    }

    @Test
    void aUserIsWhoTheComponentSees() {
        QuarkusSecurityIdentity ada = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("ada"))
                .addRole("member").build();
        try (LiveView<WhoAmI> who = LiveTest.as(ada).mount(WhoAmI.class)) {
            who.click("button:contains(Who am I?)").click("button:contains(from a worker)");
            assertEquals("ada", who.text(".event-loop"));
            assertEquals("ada", who.text(".worker"));
        }
        try (LiveView<WhoAmI> anonymous = LiveTest.mount(WhoAmI.class)) {
            assertEquals("anonymous", anonymous.click("button:contains(Who am I?)").text(".event-loop"));
        }
    }

    @Test
    void mistakesInATestAreAnsweredClearly() {
        try (LiveView<SharedList> list = LiveTest.mount(SharedList.class)) {
            CallRefusedException failed = assertThrows(CallRefusedException.class,
                    () -> list.call("appendThenFail", "x"));
            assertEquals("handler-failed", failed.code());
            assertEquals("unknown-handler",
                    assertThrows(CallRefusedException.class, () -> list.call("apend", "x")).code());
            assertEquals("bad-arguments",
                    assertThrows(CallRefusedException.class, () -> list.call("append")).code());
            IllegalArgumentException nothing = assertThrows(IllegalArgumentException.class, () -> list.click("ol"));
            assertTrue(nothing.getMessage().startsWith("Nothing listens to a click on ol"), nothing.getMessage());
            assertThrows(IllegalArgumentException.class, () -> list.click("#missing"));
        }
        try (LiveView<TodoList> todos = LiveTest.mount(TodoList.class)) {
            IllegalArgumentException field = assertThrows(IllegalArgumentException.class,
                    () -> todos.submit("form", Map.of("txt", "Milk")));
            assertEquals("The form has no field 'txt'; its fields are [text]", field.getMessage());
            assertFalse(todos.html().contains("<li"), "nothing was sent");
        }
        assertThrows(IllegalArgumentException.class, () -> LiveTest.mount(String.class));
    }
}
