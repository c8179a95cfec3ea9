package io.quarkiverse.live.runtime.dispatch;

import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolationException;

import org.jboss.logging.Logger;

/**
 * Checks the constraints of a handler's arguments without running the handler: used when some values did not convert,
 * so that the messages of the others come with theirs in one answer. The call goes through the component's
 * interceptors as usual: Hibernate Validator's method validation checks the arguments (placeholders where values did
 * not convert), and this interceptor, which comes after it, stops the call before the handler.
 * <p>
 * It works without reflection: Hibernate Validator needs the handler's {@code Method}, and only an interceptor is
 * given one.
 */
@DryRunnable
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class DryRun {

    private static final Logger LOG = Logger.getLogger(DryRun.class);
    private static final ThreadLocal<boolean[]> STOPPED = new ThreadLocal<>();

    /**
     * Makes the call as a dry run.
     *
     * @return the violations of the arguments' constraints, keyed as {@link Violations} keys them
     */
    static Map<String, String> violations(String handler, Callable<?> call) {
        boolean[] stopped = { false };
        STOPPED.set(stopped);
        try {
            call.call();
        } catch (ConstraintViolationException e) {
            return Violations.byKey(e);
        } catch (Exception e) {
            LOG.debugf("The dry run of %s failed: %s", handler, e);
        } finally {
            STOPPED.remove();
        }
        if (!stopped[0]) {
            // The build put the interceptor binding on the handler, but the call did not pass this interceptor
            LOG.errorf("%s ran with arguments that did not convert: its dry run was not intercepted", handler);
        }
        return Map.of();
    }

    @AroundInvoke
    Object stopDryRun(InvocationContext context) throws Exception {
        boolean[] stopped = STOPPED.get();
        if (stopped == null) {
            return context.proceed();
        }
        stopped[0] = true;
        return null;
    }
}
