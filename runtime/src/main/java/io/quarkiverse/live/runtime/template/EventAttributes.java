package io.quarkiverse.live.runtime.template;

import java.util.List;
import java.util.Set;

import io.quarkiverse.live.runtime.template.Markup.Attribute;
import io.quarkiverse.live.runtime.template.Markup.StartTag;

/**
 * The event attributes of a component template, {@code @click.prevent="inc(1)"} or {@code data-live-click="inc(1)"},
 * and their rewrite to what the page carries: the one spelling {@code data-live-click} (browsers reject {@code @} in
 * attribute names set from script, and morphing sets attributes from script) and the call already parsed
 * ({@link CallEncoding}). Other templates are not touched, so {@code @click} of Alpine.js or Vue in an ordinary page
 * stays as written.
 */
public final class EventAttributes {

    /** What every binding on the page starts with. */
    public static final String PREFIX = "data-live-";
    /** Attributes with the prefix that Quarkus Live sets on a component's root itself: no events. */
    public static final Set<String> RESERVED = Set.of("component", "id", "mount");
    /** The modifier whose value is the text a submit button shows while the submit is in flight, no call. */
    public static final String DISABLE_WITH = "disable-with";

    private EventAttributes() {
    }

    /**
     * An event attribute: the event, its modifiers, whether it was written with {@code @}, and the attribute.
     */
    public record Binding(String event, List<String> modifiers, boolean atSpelling, Attribute attribute) {

        /** The attribute's name as the page carries it. */
        public String pageName() {
            return PREFIX + event + (modifiers.isEmpty() ? "" : "." + String.join(".", modifiers));
        }

        /** Whether the value is text rather than a call. */
        public boolean isText() {
            return modifiers.contains(DISABLE_WITH);
        }
    }

    /**
     * The binding an attribute is, or null: {@code @name[.modifier...]} with a letter after the {@code @}, or {@code
     * data-live-name[.modifier...]} but for the reserved names.
     */
    public static Binding binding(Attribute attribute) {
        String name = attribute.name();
        boolean at = name.length() > 1 && name.charAt(0) == '@' && Character.isLetter(name.charAt(1));
        if (!at && !(name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) && name.length() > PREFIX.length())) {
            return null;
        }
        String[] parts = name.substring(at ? 1 : PREFIX.length()).split("\\.", -1);
        if (!at && RESERVED.contains(parts[0])) {
            return null;
        }
        return new Binding(parts[0], List.of(parts).subList(1, parts.length), at, attribute);
    }

    /** Every event attribute of the template, in source order. */
    public static List<Binding> bindings(Markup markup) {
        return markup.startTags().stream().flatMap(tag -> tag.attributes().stream()).map(EventAttributes::binding)
                .filter(b -> b != null).toList();
    }

    /**
     * The template with every event attribute rewritten, and forms and buttons given what they need to work without
     * JavaScript ({@link NoScriptForms}); a call that does not parse stays as written.
     */
    public static String rewrite(String templateContent) {
        Markup markup = MarkupParser.parse(templateContent);
        NoScriptForms noScript = new NoScriptForms(markup);
        StringBuilder rewritten = new StringBuilder(templateContent.length() + 64);
        int copied = 0;
        for (StartTag tag : markup.startTags()) {
            for (Attribute attribute : tag.attributes()) {
                Binding binding = binding(attribute);
                if (binding == null) {
                    continue;
                }
                rewritten.append(templateContent, copied, attribute.start()).append(onPage(binding));
                copied = attribute.end();
            }
            String added = noScript.attributesFor(tag);
            if (!added.isEmpty() && !tag.unclosed()) {
                int at = tag.end() - (tag.selfClosing() ? 2 : 1);
                rewritten.append(templateContent, copied, at).append(added);
                copied = at;
            }
        }
        return rewritten.append(templateContent, copied, templateContent.length()).toString();
    }

    private static String onPage(Binding binding) {
        Attribute attribute = binding.attribute();
        String value = attribute.value();
        if (value == null) {
            return binding.pageName();
        }
        if (!binding.isText()) {
            try {
                return binding.pageName() + "=\"" + CallEncoding.encode(CallSyntax.parse(HtmlText.decodeAttribute(value)))
                        + "\"";
            } catch (IllegalArgumentException e) {
                // A component template's calls are checked at build time; this one failed there
            }
        }
        char quote = attribute.quote() == 0 ? '"' : attribute.quote();
        return binding.pageName() + "=" + quote + value + quote;
    }
}
