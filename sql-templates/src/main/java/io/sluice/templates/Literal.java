package io.sluice.templates;

/**
 * A checked value as Flink SQL: {@code code} is the complete literal (for a placeholder outside quotes),
 * {@code text} the bare text (for a placeholder inside {@code '…'}, before quotes are doubled).
 */
record Literal(String code, String text) {

    static Literal string(String text) {
        return new Literal(quote(text), text);
    }

    /** A string literal of Flink SQL: in {@code '…'} only a quote is special, written twice. */
    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
