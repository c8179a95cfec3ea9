package io.quarkiverse.live.runtime.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Turns Hibernate Validator's violations of a handler's parameters into the messages a template shows, keyed the way
 * forms name fields: a constraint on a parameter by the parameter's name ({@code name}), one inside a record or POJO
 * parameter by the field path within it ({@code email}, {@code address.street}), a class-level one by the parameter's
 * name.
 */
final class Violations {

    private Violations() {
    }

    static Map<String, String> byKey(ConstraintViolationException exception) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            errors.merge(key(violation.getPropertyPath()), violation.getMessage(), (first, second) -> first);
        }
        return errors;
    }

    private static String key(Path path) {
        String parameter = null;
        List<String> properties = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                properties.add(node.getName());
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter != null ? parameter : path.toString();
    }
}
