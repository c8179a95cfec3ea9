package io.quarkiverse.live.deployment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import io.quarkiverse.live.runtime.template.Markup;
import io.quarkiverse.live.runtime.template.Markup.EndTag;
import io.quarkiverse.live.runtime.template.Markup.QuteTag;
import io.quarkiverse.live.runtime.template.Markup.StartTag;
import io.quarkiverse.live.runtime.template.Markup.Text;
import io.quarkiverse.live.runtime.template.Markup.Token;

/**
 * The rule that a component template renders exactly one root element: the browser morphs a component as one element,
 * so a second top-level element would be lost on every update. Qute sections around the root are fine ({@code {#let}},
 * {@code {#if}}), but not a loop, and nothing else may stand beside the root but white space and comments.
 */
final class TemplateRoots {

    private static final Set<String> LOOPS = Set.of("for", "each");
    /** Blocks of a section ({@code {#else}} in an {@code {#if}}): no section of their own, no end tag. */
    private static final Set<String> BLOCKS = Set.of("else", "is", "case");

    private TemplateRoots() {
    }

    /** What is wrong with the template's root, or null when it has exactly one. */
    static String problem(ComponentTemplateBuildItem template) {
        Markup markup = template.markup();
        List<StartTag> roots = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        Deque<String> sections = new ArrayDeque<>();
        String stray = null;
        for (Token token : markup.tokens()) {
            if (token instanceof StartTag tag) {
                if (open.isEmpty()) {
                    if (sections.stream().anyMatch(LOOPS::contains)) {
                        return template.where(tag.start()) + ": <" + tag.name() + "> is the root element of the component"
                                + " and must not be inside a loop; put the loop inside one root element";
                    }
                    roots.add(tag);
                }
                if (!tag.isEmpty()) {
                    open.push(tag.name());
                }
            } else if (token instanceof EndTag end && open.contains(end.name())) {
                // Elements left open inside (a <p> without </p>) close with their parent, as in HTML
                String closed;
                do {
                    closed = open.pop();
                } while (!closed.equals(end.name()));
            } else if (!open.isEmpty()) {
                continue;
            } else if (token instanceof QuteTag qute && (qute.kind() == '#' || qute.kind() == '/')) {
                String name = qute.sectionName(markup.source());
                if (qute.kind() == '#' && BLOCKS.contains(name)) {
                    continue;
                }
                if (qute.kind() == '#' && !markup.source().startsWith("/}", qute.end() - 2)) {
                    sections.push(name);
                } else if (qute.kind() == '/' && !sections.isEmpty()) {
                    sections.pop();
                } else if (qute.kind() == '#' && stray == null) {
                    stray = outside(template, token, "{#" + name + " /}");
                }
            } else if ((token instanceof QuteTag qute && qute.isExpression()
                    || token instanceof Text text && !markup.source().substring(text.start(), text.end()).isBlank())
                    && stray == null) {
                stray = outside(template, token, markup.source().substring(token.start(), token.end()).strip());
            }
        }
        if (roots.isEmpty()) {
            return template.component().templateId() + ":1: the template has no root element; a component renders"
                    + " one element, e.g. <div>...</div>, around all it shows";
        }
        if (stray != null) {
            return stray;
        }
        if (roots.size() > 1) {
            StartTag second = roots.get(1);
            return template.where(second.start()) + ": <" + second.name() + "> is a second top-level element (the first,"
                    + " <" + roots.get(0).name() + ">, is on line " + template.markup().lineOf(roots.get(0).start())
                    + "); a component renders one root element, so wrap them in one, e.g. <div>...</div>";
        }
        return null;
    }

    private static String outside(ComponentTemplateBuildItem template, Token token, String what) {
        String shown = what.length() > 40 ? what.substring(0, 40) + "..." : what;
        return template.where(token.start()) + ": '" + shown + "' stands outside the root element; a component"
                + " renders one root element, so move it inside";
    }
}
