package io.quarkiverse.live.runtime.transport.form;

import java.util.List;
import java.util.Set;

import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A call posted without JavaScript made into the handler and arguments the runtime would have sent: the call is the
 * one the page carries ({@code handler} or {@code handler(<JSON values>)}, a name the page resolves being
 * {@code ["<name>"]}), and names are read from the posted fields as the runtime reads them from the form
 * ({@code runtime-js/src/dom.js}, {@code argValues}): a field's value, or all the fields when no field has that name.
 * Checkboxes that stand alone under their name ({@code bool}) are {@code true} when posted and {@code false} when not,
 * as the runtime sends them; a name posted several times is the list of its values.
 */
final class FormArguments {

    /** The handler and its arguments as an event message carries them. */
    record Call(String handler, JsonArray args) {
    }

    private FormArguments() {
    }

    /** @throws IllegalArgumentException when the call is not one a page carries */
    static Call of(String call, MultiMap fields, Set<String> booleans) {
        if (call == null || call.isEmpty()) {
            throw new IllegalArgumentException("No call");
        }
        int open = call.indexOf('(');
        if (open < 0) {
            return new Call(call, new JsonArray());
        }
        if (!call.endsWith(")")) {
            throw new IllegalArgumentException("Not a call: " + call);
        }
        JsonArray written;
        try {
            written = new JsonArray("[" + call.substring(open + 1, call.length() - 1) + "]");
        } catch (DecodeException e) {
            throw new IllegalArgumentException("Not a call: " + call, e);
        }
        JsonArray args = new JsonArray();
        for (Object argument : written) {
            if (argument instanceof JsonArray name && name.size() == 1 && name.getValue(0) instanceof String field) {
                args.add(read(field, fields, booleans));
            } else {
                args.add(argument);
            }
        }
        return new Call(call.substring(0, open), args);
    }

    private static Object read(String name, MultiMap fields, Set<String> booleans) {
        // The element's own value and state: a form has none, and a button posts none of its own here
        if (name.equals("value")) {
            return null;
        }
        if (name.equals("checked")) {
            return false;
        }
        if (fields.contains(name) || booleans.contains(name)) {
            return field(name, fields, booleans);
        }
        JsonObject form = new JsonObject();
        for (String field : fields.names()) {
            form.put(field, field(field, fields, booleans));
        }
        for (String field : booleans) {
            form.put(field, fields.contains(field));
        }
        return form;
    }

    private static Object field(String name, MultiMap fields, Set<String> booleans) {
        if (booleans.contains(name)) {
            return fields.contains(name);
        }
        List<String> values = fields.getAll(name);
        return values.size() == 1 ? values.get(0) : new JsonArray(List.copyOf(values));
    }
}
