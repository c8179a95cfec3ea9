package io.quarkiverse.live;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The limits of the files an {@link UploadedFile} or {@code List<UploadedFile>} handler parameter takes. They are
 * checked before a byte is sent (the browser announces each file's name, size and type first) and again while the
 * bytes arrive; a file past them is a message in {@code errors} under the parameter's name, never an exception. A
 * parameter without this annotation takes one file (a list: ten) of at most {@code quarkus.live.max-upload-size},
 * of any type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Upload {

    /** The largest file, in bytes; 0 (the default) means {@code quarkus.live.max-upload-size}. */
    long maxSize() default 0;

    /** How many files one submit may send; a single {@link UploadedFile} parameter takes one whatever this says. */
    int maxFiles() default 10;

    /**
     * The file types accepted, as the HTML {@code accept} attribute writes them: media types ({@code image/png}),
     * wildcards ({@code image/*}) or extensions ({@code .pdf}). Empty (the default): any type.
     */
    String[] accept() default {};
}
