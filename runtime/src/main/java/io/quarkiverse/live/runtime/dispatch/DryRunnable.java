package io.quarkiverse.live.runtime.dispatch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Put by the build on every handler whose parameters carry annotations, which Hibernate Validator may check: a call of
 * such a handler can be a dry run ({@link DryRun}), validated and then stopped before the handler runs.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface DryRunnable {
}
