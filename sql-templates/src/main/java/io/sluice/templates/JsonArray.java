package io.sluice.templates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a list value: a JSON array of strings, numbers or booleans, each element as its text ({@code ["a", 2, true]}
 * gives {@code a}, {@code 2}, {@code true}). Strict and bounded: no nesting, no null, no trailing text.
 */
final class JsonArray {

    static final int MAX_ELEMENTS = 1000;
    static final int MAX_TEXT_CHARS = 5_000_000;

    private JsonArray() {
    }

    static List<String> read(Subject subject, String text) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw subject.refused("must be a list of at most " + MAX_TEXT_CHARS + " characters");
        }
        Object parsed;
        try {
            parsed = Json.read(text);
        } catch (IllegalArgumentException e) {
            throw malformed(subject);
        }
        if (!(parsed instanceof List)) {
            throw malformed(subject);
        }
        List<?> elements = (List<?>) parsed;
        if (elements.isEmpty()) {
            throw subject.error("must not be an empty list; give at least one value");
        }
        if (elements.size() > MAX_ELEMENTS) {
            throw subject.refused("must be a list of at most " + MAX_ELEMENTS + " values");
        }
        List<String> texts = new ArrayList<>(elements.size());
        for (Object element : elements) {
            if (element instanceof String || element instanceof Boolean || element instanceof BigDecimal) {
                texts.add(element.toString());
            } else {
                throw malformed(subject);
            }
        }
        return texts;
    }

    private static TemplateException malformed(Subject subject) {
        return subject.refused("must be a list written as a JSON array, such as [\"a\", \"b\"] or [1, 2]");
    }
}
