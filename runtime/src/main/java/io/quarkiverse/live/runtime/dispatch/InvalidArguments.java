package io.quarkiverse.live.runtime.dispatch;

/**
 * Client input refused as a whole, before any value is converted: the wrong number of arguments, or a form larger or
 * deeper than the limits allow. Values that do not convert are reported one by one instead ({@link BoundArguments}).
 */
public final class InvalidArguments extends Exception {

    public InvalidArguments(String summary) {
        super(summary, null, false, false);
    }
}
