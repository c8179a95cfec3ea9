package io.quarkiverse.live;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a state field of a {@link Live} component whose value is one for the whole application: every connection,
 * every node of a cluster. A handler that assigns the field or changes the object in it ({@code messages.add(m)})
 * publishes the new value when it returns; every mounted component that declares the same key then re-renders with it
 * and its browser gets the update. No broadcast call is needed.
 * <p>
 * Calls that may change a key run one at a time across the cluster, each seeing the value the previous one left, so
 * two users appending to one list at once lose nothing. A handler that throws leaves the value as it was. Values
 * travel as JSON (Jackson), so the field's type must be one Jackson reads and writes: records, POJOs, collections,
 * strings, numbers. Code outside a component reads and changes shared values through {@link SharedState}.
 *
 * <pre>
 * &#64;Live(path = "/chat")
 * public class Chat {
 *     &#64;Shared("chat") List&lt;Message&gt; messages = new ArrayList&lt;&gt;();
 *
 *     void send(&#64;NotBlank String text) { messages.add(new Message(text)); }
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Shared {

    /**
     * The key of the shared value. Several fields, of one component class or of several, that name the same key hold
     * the same value; they must declare the same type. Empty (the default): {@code SimpleClassName.field}.
     */
    String value() default "";
}
