package io.sluice.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a list value: a JSON array of strings, numbers or booleans, each element as its text ({@code ["a", 2, true]}
 * gives {@code a}, {@code 2}, {@code true}). Strict and bounded: no nesting, no null, no trailing text.
 */
final class JsonArray {

    static final int MAX_ELEMENTS = 1000;
    static final int MAX_TEXT_CHARS = 5_000_000;

    private final Subject subject;
    private final String text;
    private int at;

    private JsonArray(Subject subject, String text) {
        this.subject = subject;
        this.text = text;
    }

    static List<String> read(Subject subject, String text) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw subject.refused("must be a list of at most " + MAX_TEXT_CHARS + " characters");
        }
        return new JsonArray(subject, text).array();
    }

    private List<String> array() {
        space();
        expect('[');
        List<String> elements = new ArrayList<>();
        space();
        if (peek() == ']') {
            throw subject.error("must not be an empty list; give at least one value");
        }
        while (true) {
            space();
            elements.add(element());
            if (elements.size() > MAX_ELEMENTS) {
                throw subject.refused("must be a list of at most " + MAX_ELEMENTS + " values");
            }
            space();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                space();
                if (at != text.length()) {
                    throw malformed();
                }
                return elements;
            }
        }
    }

    private String element() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int start = at;
            while (at < text.length() && "+-.eE0123456789".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            return text.substring(start, at);
        }
        for (String word : List.of("true", "false")) {
            if (text.startsWith(word, at)) {
                at += word.length();
                return word;
            }
        }
        throw malformed();
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
                    value.append(unicode());
                    break;
                default:
                    throw malformed();
            }
        }
    }

    private char unicode() {
        if (at + 4 > text.length()) {
            throw malformed();
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at++), 16);
            if (digit < 0) {
                throw malformed();
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw malformed();
        }
        at++;
    }

    private TemplateException malformed() {
        return subject.refused("must be a list written as a JSON array, such as [\"a\", \"b\"] or [1, 2]");
    }
}
