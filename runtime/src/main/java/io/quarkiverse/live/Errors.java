package io.quarkiverse.live;

/**
 * The validation messages a component template shows, by parameter name or field path: {@code {errors.email}} renders
 * the message for {@code email} (empty when there is none), {@code {#if errors.has('email')}} tests for one and
 * {@code {errors.get('address.street')}} reads a dotted key.
 * <p>
 * Each call of a handler settles the keys it covers: a rejected call replaces their messages, a successful one clears
 * them.
 */
public interface Errors {

    /** Whether there is a message for that key. */
    boolean has(String key);

    /** The message for that key, or an empty string. */
    String get(String key);

    /** Whether there is no message at all. */
    boolean isEmpty();
}
