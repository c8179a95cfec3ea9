package io.quarkiverse.live.test;

/**
 * A file a test uploads through a form's {@code <input type="file">}: {@code submit("form", Map.of("documents",
 * new TestFile("notes.txt", "text/plain", bytes)))}, or a list of them for a multiple input.
 *
 * @param name the file's name, as a browser gives it
 * @param type its media type, as a browser declares it
 * @param content its bytes
 */
public record TestFile(String name, String type, byte[] content) {
}
