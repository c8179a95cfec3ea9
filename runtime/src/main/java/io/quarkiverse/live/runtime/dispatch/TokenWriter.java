package io.quarkiverse.live.runtime.dispatch;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.util.TokenBuffer;

/**
 * Writes the plain maps, lists and scalars {@link FormExpansion} makes of client JSON into a {@link TokenBuffer}, for
 * {@link ArgumentBinder}'s mapper to read as a handler's parameter types. The walk keeps its own stack:
 * {@code ObjectMapper.convertValue} would serialize the value recursively, some thread stack frames for every level of
 * nesting the client chose.
 */
final class TokenWriter {

    private TokenWriter() {
    }

    /** One map or list being written, with what of it is left to write. */
    private record Open(Iterator<?> rest, boolean object) {
    }

    static void write(Object root, TokenBuffer out) throws IOException {
        Deque<Open> open = new ArrayDeque<>();
        writeValue(root, out, open);
        while (!open.isEmpty()) {
            Open top = open.peek();
            if (!top.rest().hasNext()) {
                open.pop();
                if (top.object()) {
                    out.writeEndObject();
                } else {
                    out.writeEndArray();
                }
            } else if (top.object()) {
                Map.Entry<?, ?> field = (Map.Entry<?, ?>) top.rest().next();
                out.writeFieldName(String.valueOf(field.getKey()));
                writeValue(field.getValue(), out, open);
            } else {
                writeValue(top.rest().next(), out, open);
            }
        }
    }

    /** Writes a scalar, or opens a map or list for {@link #write} to go through. */
    private static void writeValue(Object value, TokenBuffer out, Deque<Open> open) throws IOException {
        if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            open.push(new Open(map.entrySet().iterator(), true));
        } else if (value instanceof Collection<?> collection) {
            out.writeStartArray();
            open.push(new Open(collection.iterator(), false));
        } else if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Float number) {
            out.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            out.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            out.writeNumber(number);
        } else {
            // No other type comes out of JSON; were one to, the mapper would write it
            out.writeObject(value);
        }
    }
}
