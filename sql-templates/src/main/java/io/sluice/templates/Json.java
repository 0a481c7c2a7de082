package io.sluice.templates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON, read into {@link Map} (objects, in order), {@link List}, {@link String}, {@link BigDecimal},
 * {@link Boolean} and {@code null}, and written from the same. One reader for every side that takes JSON from someone
 * it does not trust (the driver from a gateway, the binder from a tenant's list value): bounded, so hostile text cannot
 * make it recurse without end or hold more than {@link #MAX_CHARS} characters. Error messages name what is wrong and
 * leave who sent it to the caller ("... is not valid JSON (at character 7)").
 */
public final class Json {

    static final int MAX_DEPTH = 64;
    static final int MAX_CHARS = 64 << 20;

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException whose message completes "the text ...", naming where it is not JSON */
    public static Object read(String text) {
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("is longer than " + MAX_CHARS + " characters");
        }
        Json reader = new Json(text);
        Object value = reader.value(0);
        reader.whitespace();
        if (reader.at != text.length()) {
            throw reader.malformed();
        }
        return value;
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            quote((String) value, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.append(separator);
                quote(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List) {
            out.append('[');
            String separator = "";
            for (Object element : (List<?>) value) {
                out.append(separator);
                write(element, out);
                separator = ",";
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nests deeper than " + MAX_DEPTH + " levels");
        }
        whitespace();
        if (at >= text.length()) {
            throw malformed();
        }
        char c = text.charAt(at);
        if (c == '{') {
            return object(depth);
        }
        if (c == '[') {
            return array(depth);
        }
        if (c == '"') {
            return string();
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        return number();
    }

    private Map<String, Object> object(int depth) {
        at++;
        Map<String, Object> object = new LinkedHashMap<>();
        whitespace();
        if (peek('}')) {
            return object;
        }
        do {
            whitespace();
            if (at >= text.length() || text.charAt(at) != '"') {
                throw malformed();
            }
            String key = string();
            whitespace();
            expect(':');
            object.put(key, value(depth + 1));
            whitespace();
        } while (peek(','));
        expect('}');
        return object;
    }

    private List<Object> array(int depth) {
        at++;
        List<Object> array = new ArrayList<>();
        whitespace();
        if (peek(']')) {
            return array;
        }
        do {
            array.add(value(depth + 1));
            whitespace();
        } while (peek(','));
        expect(']');
        return Collections.unmodifiableList(array);
    }

    private String string() {
        at++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw malformed();
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw malformed();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw malformed();
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"':
                case '\\':
                case '/':
                    value.append(escaped);
                    break;
                case 'b':
                    value.append('\b');
                    break;
                case 'f':
                    value.append('\f');
                    break;
                case 'n':
                    value.append('\n');
                    break;
                case 'r':
                    value.append('\r');
                    break;
                case 't':
                    value.append('\t');
                    break;
                case 'u':
                    if (at + 4 > text.length()) {
                        throw malformed();
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw malformed();
                    }
                    at += 4;
                    break;
                default:
                    throw malformed();
            }
        }
    }

    private BigDecimal number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        try {
            return new BigDecimal(text.substring(start, at));
        } catch (NumberFormatException e) {
            at = start;
            throw malformed();
        }
    }

    private boolean peek(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw malformed();
        }
    }

    private void whitespace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private IllegalArgumentException malformed() {
        return new IllegalArgumentException("is not valid JSON (at character " + at + ")");
    }
}
