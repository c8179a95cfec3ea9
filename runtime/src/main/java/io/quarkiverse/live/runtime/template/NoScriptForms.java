package io.quarkiverse.live.runtime.template;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkiverse.live.runtime.template.CallSyntax.Call;
import io.quarkiverse.live.runtime.template.Markup.Attribute;
import io.quarkiverse.live.runtime.template.Markup.EndTag;
import io.quarkiverse.live.runtime.template.Markup.QuteTag;
import io.quarkiverse.live.runtime.template.Markup.StartTag;
import io.quarkiverse.live.runtime.template.Markup.Token;

/**
 * What a component template's forms and buttons need to work without JavaScript: the attributes that make the browser
 * post them to the component ({@code POST <root>/form/...}, see the no-JavaScript path in the docs). With JavaScript the
 * runtime prevents every live submit and click, so these attributes change nothing.
 * <ul>
 * <li>a {@code <form>} with an {@code @submit} call and no {@code method} or {@code action} of its own gets
 * {@code method="post" action="{live:form}?call=<call>"}; with {@code &bool=<names>} when it has checkboxes that stand
 * alone under their name, which the runtime sends as {@code true} or {@code false} and a form post sends as
 * {@code on} or not at all;</li>
 * <li>a {@code <button>} with an {@code @click} call, of type submit (the default) and without {@code formaction},
 * carries its call as the field it submits, {@code name="_live_call" value="<call>"} (the call as the page carries
 * it, which the runtime never sends: it leaves buttons out of forms). In a form it gets
 * {@code formmethod="post" formaction="{live:form}"}; in none, {@code form="{live:formId}"}, the component's own form,
 * which the render adds to the root. A button with a {@code name} or {@code value} of its own carries the call in its
 * {@code formaction} instead, {@code ?call=<call>}.</li>
 * </ul>
 * Other bindings ({@code @input}, {@code @change}, {@code @click} on anything but a button) have no equivalent
 * without JavaScript.
 */
final class NoScriptForms {

    /** The field a button without JavaScript submits its call in. */
    static final String CALL_FIELD = "_live_call";

    private final Map<StartTag, String> added = new HashMap<>();

    NoScriptForms(Markup markup) {
        String source = markup.source();
        Deque<String> sections = new ArrayDeque<>();
        Deque<FormScan> forms = new ArrayDeque<>();
        for (Token token : markup.tokens()) {
            if (token instanceof QuteTag qute && qute.kind() == '#' && !source.startsWith("/}", qute.end() - 2)) {
                sections.push(qute.sectionName(source));
            } else if (token instanceof QuteTag qute && qute.kind() == '/' && !sections.isEmpty()) {
                sections.pop();
            } else if (token instanceof StartTag tag && tag.name().equals("form") && !tag.isEmpty()) {
                forms.push(new FormScan(tag));
            } else if (token instanceof EndTag end && end.name().equals("form") && !forms.isEmpty()) {
                forms.pop().finish();
            } else if (token instanceof StartTag tag && tag.name().equals("input") && !forms.isEmpty()) {
                String type = value(tag, "type");
                String name = value(tag, "name");
                if ("checkbox".equalsIgnoreCase(type) && name != null && !name.contains("{")) {
                    boolean inLoop = sections.contains("for") || sections.contains("each");
                    forms.peek().checkboxes.merge(name, inLoop ? 2 : 1, Integer::sum);
                }
            } else if (token instanceof StartTag tag && tag.name().equals("button")) {
                button(tag, forms.isEmpty());
            }
        }
        // Forms the template leaves open
        forms.forEach(FormScan::finish);
    }

    /** The attributes to add at the end of the start tag, with a leading space; empty for none. */
    String attributesFor(StartTag tag) {
        return added.getOrDefault(tag, "");
    }

    private void button(StartTag tag, boolean inNoForm) {
        String type = value(tag, "type");
        if (type != null && !type.equalsIgnoreCase("submit") || has(tag, "formaction")) {
            return;
        }
        Call call = call(tag, "click");
        if (call == null) {
            return;
        }
        String owner = inNoForm ? " form=\"" + LiveNamespace.FORM_OF_BUTTONS + "\"" : "";
        if (has(tag, "name") || has(tag, "value")) {
            added.put(tag, " formmethod=\"post\" formaction=\"" + LiveNamespace.FORM + "?call="
                    + CallEncoding.encodeForUrl(call) + "\"" + owner);
        } else {
            added.put(tag, " name=\"" + CALL_FIELD + "\" value=\"" + CallEncoding.encode(call) + "\""
                    + (inNoForm ? owner : " formmethod=\"post\" formaction=\"" + LiveNamespace.FORM + "\""));
        }
    }

    /** A form whose checkboxes are counted until its end tag, when its attributes are decided. */
    private final class FormScan {
        final StartTag tag;
        final Map<String, Integer> checkboxes = new LinkedHashMap<>();

        FormScan(StartTag tag) {
            this.tag = tag;
        }

        void finish() {
            Call parsed = call(tag, "submit");
            if (parsed == null || has(tag, "action") || has(tag, "method")) {
                return;
            }
            String call = CallEncoding.encodeForUrl(parsed);
            String alone = checkboxes.entrySet().stream().filter(checkbox -> checkbox.getValue() == 1)
                    .map(checkbox -> CallEncoding.percentEncode(checkbox.getKey())).collect(Collectors.joining(","));
            added.put(tag, " method=\"post\" action=\"" + LiveNamespace.FORM + "?call=" + call
                    + (alone.isEmpty() ? "" : "&amp;bool=" + alone) + "\"");
        }
    }

    /** The tag's call for the event, or {@code null} when it has none that parses. */
    private static Call call(StartTag tag, String event) {
        for (Attribute attribute : tag.attributes()) {
            EventAttributes.Binding binding = EventAttributes.binding(attribute);
            if (binding != null && binding.event().equals(event) && !binding.isText() && attribute.value() != null) {
                try {
                    return CallSyntax.parse(HtmlText.decodeAttribute(attribute.value()));
                } catch (IllegalArgumentException e) {
                    // Checked at build time; a call that fails there gets no fallback
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean has(StartTag tag, String name) {
        return tag.attributes().stream().anyMatch(attribute -> attribute.name().equalsIgnoreCase(name));
    }

    private static String value(StartTag tag, String name) {
        return tag.attributes().stream().filter(attribute -> attribute.name().equalsIgnoreCase(name)).findFirst()
                .map(attribute -> attribute.value() == null ? "" : attribute.value().toLowerCase(Locale.ROOT))
                .orElse(null);
    }
}
