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
 * <li>{@code {live:ujson(expr)}}, {@code {live:ustr(expr)}}: the same, percent-encoded for a URL's query, where a page
 * without JavaScript carries a call ({@link CallEncoding#encodeForUrl}).</li>
 * <li>{@code {live:form}}: the URL a form of the component posts to without JavaScript, {@code {live:formId}} the id of
 * the component's own form for buttons outside any form; both given by the render as template instance attributes
 * ({@link #FORM_ACTION}, {@link #FORM_ID}).</li>
 * </ul>
 */
public final class LiveNamespace {

    static final String NAMESPACE = "live";
    static final String JSON_OF = NAMESPACE + ":json";
    static final String STRING_CONTENT_OF = NAMESPACE + ":str";
    static final String URL_JSON_OF = NAMESPACE + ":ujson";
    static final String URL_STRING_CONTENT_OF = NAMESPACE + ":ustr";
    static final String FORM = "{" + NAMESPACE + ":form}";
    static final String FORM_OF_BUTTONS = "{" + NAMESPACE + ":formId}";
    /** The template instance attributes the render sets: the component's form URL, and its form's id. */
    public static final String FORM_ACTION = "io.quarkiverse.live.form-action";
    public static final String FORM_ID = "io.quarkiverse.live.form-id";
    /** The field in which a button posted without JavaScript names its call. */
    public static final String CALL_FIELD = NoScriptForms.CALL_FIELD;

    private LiveNamespace() {
    }

    public static NamespaceResolver resolver() {
        return NamespaceResolver.builder(NAMESPACE).resolve(LiveNamespace::resolve).build();
    }

    private static Object resolve(EvalContext context) {
        List<io.quarkus.qute.Expression> params = context.getParams();
        String name = context.getName();
        if (params.isEmpty() && (name.equals("form") || name.equals("formId"))) {
            Object value = context.getAttribute(name.equals("form") ? FORM_ACTION : FORM_ID);
            return value == null ? Results.notFound(context) : new RawString(value.toString());
        }
        boolean json = name.equals("json") || name.equals("ujson");
        boolean url = name.startsWith("u");
        if (params.size() != 1 || !json && !name.equals("str") && !name.equals("ustr")) {
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
            if (url) {
                return new RawString(CallEncoding.percentEncode(encoded));
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
