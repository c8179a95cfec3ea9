package io.quarkiverse.live.runtime.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Results;

/**
 * The {@code live:} namespace of component templates, which {@link CallEncoding} writes into event attributes: a
 * rendered value encoded for the JSON the browser reads, then for the HTML attribute around it.
 * <ul>
 * <li>{@code {live:json(expr)}}: the value as a JSON value: numbers and booleans as such, null as {@code null},
 * anything else as the JSON string of its text;</li>
 * <li>{@code {live:str(expr)}}: the value's text as the content of a JSON string (inside quotes the call writes).</li>
 * </ul>
 */
public final class LiveNamespace {

    static final String NAMESPACE = "live";
    static final String JSON_OF = NAMESPACE + ":json";
    static final String STRING_CONTENT_OF = NAMESPACE + ":str";

    private LiveNamespace() {
    }

    public static NamespaceResolver resolver() {
        return NamespaceResolver.builder(NAMESPACE).resolve(LiveNamespace::resolve).build();
    }

    private static Object resolve(EvalContext context) {
        List<io.quarkus.qute.Expression> params = context.getParams();
        boolean json = context.getName().equals("json");
        if (params.size() != 1 || !json && !context.getName().equals("str")) {
            return Results.notFound(context);
        }
        CompletionStage<Object> value = context.evaluate(params.get(0));
        return value.thenApply(v -> {
            StringBuilder encoded = new StringBuilder();
            if (json) {
                json(v, encoded);
            } else {
                HtmlText.jsonStringContent(String.valueOf(v), encoded);
            }
            StringBuilder html = new StringBuilder(encoded.length() + 16);
            HtmlText.escape(encoded, html);
            return new RawString(html.toString());
        });
    }

    private static void json(Object value, StringBuilder to) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger
                || value instanceof BigDecimal) {
            to.append(value);
        } else if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            to.append(value);
        } else {
            to.append('"');
            HtmlText.jsonStringContent(String.valueOf(value), to);
            to.append('"');
        }
    }
}
