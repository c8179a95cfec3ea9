package io.quarkiverse.live.runtime.template;

import java.util.List;

import io.quarkiverse.live.runtime.template.CallSyntax.Argument;
import io.quarkiverse.live.runtime.template.CallSyntax.Call;
import io.quarkiverse.live.runtime.template.CallSyntax.Expression;
import io.quarkiverse.live.runtime.template.CallSyntax.Interpolated;
import io.quarkiverse.live.runtime.template.CallSyntax.Literal;
import io.quarkiverse.live.runtime.template.CallSyntax.Name;

/**
 * Writes a parsed call the way the page carries it, so that the browser reads it with {@code JSON.parse} and no
 * grammar: {@code handler} alone, or {@code handler(<JSON values>)} where a name the page resolves is the one-element
 * array {@code ["<name>"]} and every other argument is its JSON value. The result is template source for a
 * double-quoted attribute: JSON escaped for HTML, with Qute tags that render each expression's value already encoded
 * ({@link LiveNamespace}), so any string, number or id arrives exactly.
 */
public final class CallEncoding {

    private CallEncoding() {
    }

    public static String encode(Call call) {
        StringBuilder page = new StringBuilder(call.handler());
        List<Argument> arguments = call.arguments();
        if (!arguments.isEmpty()) {
            page.append('(');
            for (int i = 0; i < arguments.size(); i++) {
                if (i > 0) {
                    page.append(',');
                }
                append(arguments.get(i), page);
            }
            page.append(')');
        }
        return page.toString();
    }

    private static void append(Argument argument, StringBuilder page) {
        if (argument instanceof Literal literal) {
            if (literal.value() instanceof String text) {
                jsonString(text, page);
            } else {
                page.append(literal.source()); // numbers follow JSON's grammar; true, false and null are JSON
            }
        } else if (argument instanceof Name name) {
            page.append('[');
            jsonString(name.name(), page);
            page.append(']');
        } else if (argument instanceof Expression expression) {
            page.append('{').append(LiveNamespace.JSON_OF).append('(').append(expression.expression()).append(")}");
        } else if (argument instanceof Interpolated interpolated) {
            page.append("&quot;");
            for (Object part : interpolated.parts()) {
                if (part instanceof Expression expression) {
                    page.append('{').append(LiveNamespace.STRING_CONTENT_OF).append('(').append(expression.expression())
                            .append(")}");
                } else {
                    StringBuilder json = new StringBuilder();
                    HtmlText.jsonStringContent((String) part, json);
                    HtmlText.escape(json, page);
                }
            }
            page.append("&quot;");
        }
    }

    private static void jsonString(String text, StringBuilder page) {
        StringBuilder json = new StringBuilder("\"");
        HtmlText.jsonStringContent(text, json);
        HtmlText.escape(json.append('"'), page);
    }
}
