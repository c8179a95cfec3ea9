package io.quarkiverse.live.runtime.template;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /**
     * The same call for a URL's query, where a page without JavaScript carries it ({@code ?call=<this>}): the page's
     * form percent-encoded, and each expression's value encoded by {@code {live:ujson(expr)}} or
     * {@code {live:ustr(expr)}}. Percent-encoded text needs no escaping in an HTML attribute.
     */
    public static String encodeForUrl(Call call) {
        StringBuilder url = new StringBuilder();
        StringBuilder literal = new StringBuilder(call.handler());
        List<Argument> arguments = call.arguments();
        if (!arguments.isEmpty()) {
            literal.append('(');
            for (int i = 0; i < arguments.size(); i++) {
                if (i > 0) {
                    literal.append(',');
                }
                Argument argument = arguments.get(i);
                if (argument instanceof Literal || argument instanceof Name) {
                    StringBuilder page = new StringBuilder();
                    append(argument, page);
                    literal.append(HtmlText.decodeAttribute(page.toString()));
                } else if (argument instanceof Expression expression) {
                    flush(literal, url);
                    url.append('{').append(LiveNamespace.URL_JSON_OF).append('(').append(expression.expression())
                            .append(")}");
                } else if (argument instanceof Interpolated interpolated) {
                    literal.append('"');
                    for (Object part : interpolated.parts()) {
                        if (part instanceof Expression expression) {
                            flush(literal, url);
                            url.append('{').append(LiveNamespace.URL_STRING_CONTENT_OF).append('(')
                                    .append(expression.expression()).append(")}");
                        } else {
                            HtmlText.jsonStringContent((String) part, literal);
                        }
                    }
                    literal.append('"');
                }
            }
            literal.append(')');
        }
        flush(literal, url);
        return url.toString();
    }

    /** Appends the text percent-encoded, and empties it. */
    private static void flush(StringBuilder text, StringBuilder url) {
        url.append(percentEncode(text));
        text.setLength(0);
    }

    /** Text for a URL's query: UTF-8, every character but the unreserved ones percent-encoded (a space is %20). */
    static String percentEncode(CharSequence text) {
        return URLEncoder.encode(text.toString(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void jsonString(String text, StringBuilder page) {
        StringBuilder json = new StringBuilder("\"");
        HtmlText.jsonStringContent(text, json);
        HtmlText.escape(json.append('"'), page);
    }
}
