package org.acme;

/** One message of the {@link Chat}: who wrote it, what, and when (hours and minutes, UTC). */
public record ChatMessage(String author, String text, String time) {
}
