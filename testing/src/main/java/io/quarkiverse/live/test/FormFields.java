package io.quarkiverse.live.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The values a browser sends for the arguments of a call, read from the component's HTML (with what a test typed
 * applied to it, see {@link LiveView}) by the rules the protocol
 * states (protocol.adoc, "The page") and the browser runtime follows: a literal as it is; {@code value} the element's
 * value ({@code checked} for a checkbox); {@code checked} its checked state; a name a field of the element's form has,
 * that field's value; any other name, the whole form as an object of its fields.
 */
final class FormFields {

    private static final List<String> NOT_SENT = List.of("submit", "button", "reset", "image");

    private FormFields() {
    }

    /**
     * The arguments of the call written in a {@code data-live-*} attribute.
     *
     * @param call {@code handler} or {@code handler(<JSON values>)}, where a one-element array names a value
     */
    static Call resolve(String call, Element element) {
        int open = call.indexOf('(');
        if (open < 0) {
            return new Call(call, new JsonArray(), false);
        }
        JsonArray written = new JsonArray("[" + call.substring(open + 1, call.length() - 1) + "]");
        Element form = element.tagName().equals("form") ? element : element.closest("form");
        JsonArray args = new JsonArray();
        boolean readsForm = false;
        for (Object argument : written) {
            if (!(argument instanceof JsonArray name)) {
                args.add(argument);
            } else if (name.getString(0).equals("value")) {
                args.add(value(element));
            } else if (name.getString(0).equals("checked")) {
                args.add(element.hasAttr("checked"));
            } else if (form != null && !controls(form, name.getString(0)).isEmpty()) {
                args.add(field(form, name.getString(0)));
                readsForm = true;
            } else if (form != null) {
                args.add(new JsonObject(fields(form)));
                readsForm = true;
            } else {
                args.addNull();
            }
        }
        return new Call(call.substring(0, open), args, readsForm);
    }

    /**
     * A handler's name and the arguments to send it; {@code readsForm} when some come from the fields of a form, whose
     * touched fields the event then carries.
     */
    record Call(String handler, JsonArray args, boolean readsForm) {
    }

    /** Every named, enabled control of the form that a browser sends (buttons aside), by name. */
    static Map<String, Object> fields(Element form) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Element control : form.select("input[name], textarea[name], select[name]")) {
            if (!control.hasAttr("disabled") && !NOT_SENT.contains(control.attr("type"))) {
                all.putIfAbsent(control.attr("name"), field(form, control.attr("name")));
            }
        }
        return all;
    }

    /**
     * One field's value: a checkbox its checked state, a radio group the value of the checked radio or {@code null},
     * several other controls of one name a list of their values (the checked ones of checkboxes), a multiple select
     * the list of its selected values.
     */
    static Object field(Element form, String name) {
        List<Element> controls = controls(form, name);
        if (controls.isEmpty()) {
            return null;
        }
        if (controls.size() == 1) {
            Element control = controls.get(0);
            return isType(control, "radio") ? (control.hasAttr("checked") ? value(control) : null)
                    : value(control);
        }
        List<Object> values = new ArrayList<>();
        for (Element control : controls) {
            if (!isType(control, "checkbox") && !isType(control, "radio") || control.hasAttr("checked")) {
                values.add(isType(control, "checkbox") ? control.attr("value") : value(control));
            }
        }
        return isType(controls.get(0), "radio") ? (values.isEmpty() ? null : values.get(0)) : values;
    }

    /** A control's value as the page holds it. */
    static Object value(Element control) {
        if (isType(control, "checkbox")) {
            return control.hasAttr("checked");
        }
        if (control.tagName().equals("textarea")) {
            return control.wholeText();
        }
        if (control.tagName().equals("select")) {
            List<String> selected = new ArrayList<>();
            for (Element option : control.select("option")) {
                if (option.hasAttr("selected")) {
                    selected.add(optionValue(option));
                }
            }
            if (control.hasAttr("multiple")) {
                return selected;
            }
            Element first = control.selectFirst("option");
            return !selected.isEmpty() ? selected.get(0) : first == null ? "" : optionValue(first);
        }
        return control.attr("value");
    }

    private static String optionValue(Element option) {
        return option.hasAttr("value") ? option.attr("value") : option.text();
    }

    private static List<Element> controls(Element form, String name) {
        List<Element> controls = new ArrayList<>();
        for (Element control : form.select("input[name], textarea[name], select[name]")) {
            if (control.attr("name").equals(name) && !control.hasAttr("disabled")
                    && !NOT_SENT.contains(control.attr("type"))) {
                controls.add(control);
            }
        }
        return controls;
    }

    private static boolean isType(Element control, String type) {
        return control.tagName().equals("input") && control.attr("type").equalsIgnoreCase(type);
    }
}
