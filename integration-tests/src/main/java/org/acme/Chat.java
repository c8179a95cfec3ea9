package org.acme;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.Presence;
import io.quarkiverse.live.Shared;

/**
 * A chat room: the messages are one list for the whole application ({@code @Shared}), so a message sent in one browser
 * shows in every other; the name is this browser's own, and "Here now" lists the names of the open chats (presence).
 */
@Live(path = "/chat")
public class Chat {

    static final int NAME_MAX = 40;
    static final int TEXT_MAX = 500;
    /** The room's size when {@value #KEPT_SETTING} does not say. */
    static final int KEPT = 100;
    static final String KEPT_SETTING = "demo.chat.kept";
    static final String ROOM = "chat";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'");

    @Inject
    Presence presence;

    /** How many messages the room keeps: older ones drop off the top. Not state: configuration. */
    @ConfigProperty(name = KEPT_SETTING, defaultValue = "" + KEPT)
    int kept;

    /** The room's messages, oldest first: every browser's chat holds the same list. */
    @Shared(ROOM)
    List<ChatMessage> messages = new ArrayList<>();

    /** This browser's name, {@code null} until the user picked one. */
    String name;

    void enter(@NotBlank @Size(max = NAME_MAX) String name) {
        this.name = name.strip();
        presence.track(ROOM, this.name);
    }

    void send(@NotBlank @Size(max = TEXT_MAX) String text) {
        if (name == null) {
            // Only a hand-made request gets here: the form to send shows once the user has a name
            throw new IllegalStateException("pick a name before sending");
        }
        messages.add(new ChatMessage(name, text.strip(), TIME.format(ZonedDateTime.now(ZoneOffset.UTC))));
        if (messages.size() > kept) {
            messages.subList(0, messages.size() - kept).clear();
        }
    }

    /** The names of the users whose chat is open, sorted. */
    List<String> here() {
        return presence.list(ROOM);
    }
}
