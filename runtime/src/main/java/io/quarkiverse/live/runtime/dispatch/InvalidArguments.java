package io.quarkiverse.live.runtime.dispatch;

import java.util.Map;

/**
 * Client input that does not fit a handler's parameters: each message keyed by the parameter name, or by the field
 * path inside a record or POJO parameter ({@code email}, {@code address.street}).
 */
public final class InvalidArguments extends Exception {

    private final Map<String, String> errors;

    public InvalidArguments(String summary, Map<String, String> errors) {
        super(summary, null, false, false);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
