package io.quarkiverse.live.deployment.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.template.Markup;
import io.quarkiverse.live.runtime.template.Markup.Attribute;
import io.quarkiverse.live.runtime.template.Markup.Comment;
import io.quarkiverse.live.runtime.template.Markup.EndTag;
import io.quarkiverse.live.runtime.template.Markup.QuteTag;
import io.quarkiverse.live.runtime.template.Markup.StartTag;
import io.quarkiverse.live.runtime.template.Markup.Text;
import io.quarkiverse.live.runtime.template.Markup.Token;
import io.quarkiverse.live.runtime.template.MarkupParser;

/** The template tokenizer: HTML as the standard reads it, Qute tags opaque wherever they stand. */
class MarkupParserTest {

    @Test
    void aGreaterThanSignInAQuotedValueEndsNothing() {
        Markup markup = MarkupParser.parse("<button title=\"a > b\" @click=\"inc\">+</button>");
        StartTag button = markup.startTags().get(0);
        assertEquals(List.of("title", "@click"), names(button));
        assertEquals("a > b", button.attributes().get(0).value());
        assertEquals("inc", button.attributes().get(1).value());
        assertEquals('"', button.attributes().get(1).quote());
    }

    @Test
    void attributesQuotedUnquotedAndWithoutValue() {
        StartTag input = MarkupParser.parse("<INPUT type=text value='it\"s' disabled data-x = \"1\"/>").startTags().get(0);
        assertEquals("input", input.name());
        assertEquals(List.of("type", "value", "disabled", "data-x"), names(input));
        assertEquals("text", input.attributes().get(0).value());
        assertEquals("it\"s", input.attributes().get(1).value());
        assertNull(input.attributes().get(2).value());
        assertEquals("1", input.attributes().get(3).value());
        assertTrue(input.selfClosing());
        assertTrue(input.isEmpty());
    }

    @Test
    void aQuteTagInsideAValueMayHoldTheQuoteAndTheBracket() {
        String source = "<p title=\"{item.name.or(\"a > b\")}\" class=x>{a}</p>";
        StartTag p = MarkupParser.parse(source).startTags().get(0);
        assertEquals(List.of("title", "class"), names(p));
        assertEquals("{item.name.or(\"a > b\")}", p.attributes().get(0).value());
        assertEquals("x", p.attributes().get(1).value());
    }

    @Test
    void quteSectionsInsideATagAreNoAttributes() {
        StartTag input = MarkupParser.parse("<input {#if on}checked{/if} data-{name}=1 @change=\"toggle\">")
                .startTags().get(0);
        assertEquals(List.of("checked", "data-{name}", "@change"), names(input));
    }

    @Test
    void commentsHideTags() {
        Markup markup = MarkupParser.parse("<!-- <b @click=\"x\"> --><!DOCTYPE html><i></i>");
        assertEquals(List.of(Comment.class, Comment.class, StartTag.class, EndTag.class), kinds(markup));
        assertEquals(List.of("i"), markup.startTags().stream().map(StartTag::name).toList());
    }

    @Test
    void scriptAndStyleBodiesAreText() {
        Markup markup = MarkupParser.parse(
                "<script>if (a < b && c > d) { x = '<b @click=\"no\">'; }</script><style>p > b { color: red }</style>");
        assertEquals(List.of("script", "style"), markup.startTags().stream().map(StartTag::name).toList());
        assertEquals(List.of(StartTag.class, Text.class, EndTag.class, StartTag.class, Text.class, EndTag.class),
                kinds(markup));
    }

    @Test
    void quteTagsByTheirKind() {
        Markup markup = MarkupParser.parse("{! note !}{@java.lang.String name}{#for x in xs}{x}{/for}{ not a tag }\\{no}");
        List<Token> tokens = markup.tokens();
        assertEquals("!@#{/", tokens.stream().filter(QuteTag.class::isInstance)
                .map(t -> String.valueOf(((QuteTag) t).kind())).reduce("", String::concat));
        assertEquals("for", ((QuteTag) tokens.get(2)).sectionName(markup.source()));
        Token last = tokens.get(tokens.size() - 1);
        assertTrue(last instanceof Text);
        assertEquals("{ not a tag }\\{no}", markup.source().substring(last.start(), last.end()));
    }

    @Test
    void aTagLeftOpenIsMarked() {
        StartTag open = MarkupParser.parse("<div class=\"a").startTags().get(0);
        assertTrue(open.unclosed());
        assertFalse(MarkupParser.parse("<div>").startTags().get(0).unclosed());
    }

    @Test
    void linesCountFromOne() {
        Markup markup = MarkupParser.parse("<div>\n  <b>\n</b></div>");
        assertEquals(2, markup.lineOf(markup.startTags().get(1).start()));
    }

    private static List<String> names(StartTag tag) {
        return tag.attributes().stream().map(Attribute::name).toList();
    }

    private static List<Class<?>> kinds(Markup markup) {
        return markup.tokens().stream().<Class<?>> map(Object::getClass).toList();
    }
}
