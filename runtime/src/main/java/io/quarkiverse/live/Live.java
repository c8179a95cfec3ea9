package io.quarkiverse.live;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a live component: a plain class whose instance fields are its state and whose own non-private,
 * non-static methods returning {@code void}, {@code Uni<Void>} or {@code CompletionStage<Void>} are the handlers a
 * template can call with {@code @click="handler(args)"} and the other event attributes.
 * <p>
 * A component is a {@code @Dependent} CDI bean created per mount, so {@code @Inject} works in it. Its template is
 * {@code templates/<SimpleClassName>.html} unless {@link #template()} says otherwise. A method named {@code onMount()}
 * runs when a browser joins the component, {@code onUnmount()} when it leaves; neither is a handler.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Live {

    /**
     * The HTTP path at which the component is served as a page of its own, e.g. {@code "/counter"}. Empty (the
     * default): the component is embeddable only, with {@code {#live Name /}} in any Qute template.
     */
    String path() default "";

    /**
     * The template, relative to {@code templates/}, e.g. {@code "counter/main.html"}. Empty (the default):
     * {@code <SimpleClassName>.html}.
     */
    String template() default "";
}
