package org.acme;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A custom, class-level constraint: the two passwords of a {@link TypedInputs.Passwords} are the same.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PasswordsMatch.Validator.class)
public @interface PasswordsMatch {

    String message() default "the passwords differ";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PasswordsMatch, TypedInputs.Passwords> {
        @Override
        public boolean isValid(TypedInputs.Passwords value, ConstraintValidatorContext context) {
            return value == null || value.password() == null || value.password().equals(value.repeated());
        }
    }
}
