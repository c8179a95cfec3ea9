package io.quarkiverse.live.test;

/**
 * A call the server refused or could not complete, for a reason a test did not expect: the handler threw
 * ({@code handler-failed}), no handler has that name ({@code unknown-handler}), the arguments do not fit the handler as
 * a whole ({@code bad-arguments} without messages), and so on. Calls refused with validation messages are no failure:
 * the messages are in {@link LiveView#errors()}.
 */
public class CallRefusedException extends RuntimeException {

    private final String code;

    CallRefusedException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** The protocol's error code, {@code handler-failed} for example. */
    public String code() {
        return code;
    }
}
