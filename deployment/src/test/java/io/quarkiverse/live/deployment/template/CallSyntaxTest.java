package io.quarkiverse.live.deployment.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.template.CallEncoding;
import io.quarkiverse.live.runtime.template.CallSyntax;
import io.quarkiverse.live.runtime.template.CallSyntax.Expression;
import io.quarkiverse.live.runtime.template.CallSyntax.Interpolated;
import io.quarkiverse.live.runtime.template.CallSyntax.Literal;
import io.quarkiverse.live.runtime.template.CallSyntax.Name;
import io.quarkiverse.live.runtime.template.EventAttributes;

/** The one call grammar, and what the page carries for each call: the handler and JSON. */
class CallSyntaxTest {

    @Test
    void literalsNamesAndExpressions() {
        var call = CallSyntax.parse(" pick ( 5 , -1.5e3, 'it\\'s', \"x\", true, null, value, user.email, {item.id} ) ");
        assertEquals("pick", call.handler());
        assertEquals(List.of(new Literal(5, "5"), new Literal(-1500.0, "-1.5e3"), new Literal("it's", "'it\\'s'"),
                new Literal("x", "\"x\""), new Literal(true, "true"), new Literal(null, "null"), new Name("value"),
                new Name("user.email"), new Expression("{item.id}")), call.arguments());
    }

    @Test
    void aStringWithExpressionsIsInterpolated() {
        var argument = CallSyntax.parse("open('row-{item.id}: {item.name.or(\"}\")}')").arguments().get(0);
        assertEquals(new Interpolated(List.of("row-", new Expression("{item.id}"), ": ",
                new Expression("{item.name.or(\"}\")}")), "'row-{item.id}: {item.name.or(\"}\")}'"), argument);
    }

    @Test
    void numbersFollowJson() {
        for (String bad : List.of("f(007)", "f(.5)", "f(5.)", "f(+1)", "f(1e)", "f(0x1)")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CallSyntax.parse(bad), bad);
            assertTrue(e.getMessage().contains("not a number") || e.getMessage().contains("expected"), e.getMessage());
        }
    }

    @Test
    void malformedCallsSayWhere() {
        assertEquals("expected ',' or ')' at column 5",
                assertThrows(IllegalArgumentException.class, () -> CallSyntax.parse("f(a b)")).getMessage());
        assertEquals("unclosed string at column 9",
                assertThrows(IllegalArgumentException.class, () -> CallSyntax.parse("f('open)")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CallSyntax.parse("f({#if a}1{/if})")).getMessage()
                .contains("no argument"));
        assertThrows(IllegalArgumentException.class, () -> CallSyntax.parse("a.b"));
        assertThrows(IllegalArgumentException.class, () -> CallSyntax.parse("f(1)(2)"));
    }

    @Test
    void thePageCarriesTheHandlerAndJsonEscapedForHtml() {
        assertEquals("inc", encode("inc"));
        assertEquals("inc", encode(" inc ( ) "));
        assertEquals("add(1,-2.5,true,null)", encode("add(1, -2.5, true, null)"));
        assertEquals("say(&quot;O&#39;Brien &amp; back\\\\slash &lt;/script&gt; \\u007bx}&quot;)",
                encode("say('O\\'Brien & back\\\\slash </script> \\{x}')"));
        assertEquals("save([&quot;value&quot;],[&quot;user.email&quot;])", encode("save(value, user.email)"));
    }

    @Test
    void renderedValuesAreEncodedByTheLiveNamespace() {
        assertEquals("pick({live:json(item.id)})", encode("pick({item.id})"));
        assertEquals("open(&quot;row-{live:str(item.id)}&quot;)", encode("open('row-{item.id}')"));
    }

    @Test
    void theRewriteTouchesEventAttributesOnly() {
        assertEquals("<button title=\"a > b\" data-live-click=\"inc\" data-x='1' type=\"button\">@click=\"no\"</button>",
                EventAttributes.rewrite(
                        "<button title=\"a > b\" @click='inc' data-x='1' type=\"button\">@click=\"no\"</button>"));
        assertEquals("<p data-live-id=\"x\" data-live-keydown.enter=\"go(&quot;a&quot;)\"></p>",
                EventAttributes.rewrite("<p data-live-id=\"x\" data-live-keydown.enter=\"go(&quot;a&quot;)\"></p>"));
        assertEquals("<form data-live-submit.disable-with=\"Saving (1)...\"></form>",
                EventAttributes.rewrite("<form @submit.disable-with=\"Saving (1)...\"></form>"));
    }

    private static String encode(String call) {
        return CallEncoding.encode(CallSyntax.parse(call));
    }
}
