package io.sluice.templates;

import java.util.Objects;

/**
 * A checked value as Flink SQL: {@code code} is the complete literal (for a placeholder outside quotes),
 * {@code text} the bare text (for a placeholder inside {@code '…'}, before quotes are doubled).
 */
final class Literal {
    private final String code;
    private final String text;

    Literal(String code, String text) {
        this.code = code;
        this.text = text;
    }

    String code() {
        return code;
    }

    String text() {
        return text;
    }

    static Literal string(String text) {
        return new Literal(quote(text), text);
    }

    /** A string literal of Flink SQL: in {@code '…'} only a quote is special, written twice. */
    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Literal)) {
            return false;
        }
        Literal that = (Literal) other;
        return Objects.equals(code, that.code)
                && Objects.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, text);
    }

    @Override
    public String toString() {
        return "Literal[code=" + code
                + ", text=" + text + "]";
    }
}
