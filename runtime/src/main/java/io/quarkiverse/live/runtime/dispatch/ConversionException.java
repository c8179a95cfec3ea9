package io.quarkiverse.live.runtime.dispatch;

/**
 * A value from the client (or a prop) that cannot become the Java type it is meant for. The message is written for
 * the person who sent it.
 */
public class ConversionException extends Exception {

    public ConversionException(String message) {
        super(message, null, false, false);
    }
}
