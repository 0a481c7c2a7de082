package io.sluice.templates;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a value of every kind but the identifier kinds against its type and gives its Flink literal. Messages name
 * the parameter or variable and never hold the value.
 */
final class ScalarValues {

    static final int MAX_VALUE_CHARS = 4096;
    /** Flink's planner refuses an exact literal whose digits do not fit a long ("Numeric literal … out of range"). */
    static final int MAX_DECIMAL_DIGITS = 18;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?");
    private static final DateTimeFormatter TIMESTAMP_FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private ScalarValues() {}

    /** The literal for a value of {@code type}'s kind, which is not {@code TABLE} or {@code COLUMN}. */
    static Literal literal(Subject subject, ParameterType type, String value) {
        checkText(subject, value);
        switch (type.kind()) {
            case STRING:
                return Literal.string(value);
            case ENUM: {
                if (!type.enumValues().contains(value)) {
                    throw subject.refused("must be one of " + String.join(", ", type.enumValues()));
                }
                return Literal.string(value);
            }
            case INTEGER: {
                long number = parseLong(value).orElseThrow(
                        () -> subject.refused("must be an integer (a whole number such as 10)"));
                return new Literal(Long.toString(number), Long.toString(number));
            }
            case DECIMAL: {
                BigDecimal number = decimal(value).orElseThrow(() -> subject.refused("must be a decimal number such as "
                        + "12.50 (at most " + MAX_DECIMAL_DIGITS + " digits, no exponent)"));
                return new Literal(number.toPlainString(), number.toPlainString());
            }
            case BOOLEAN: {
                String lower = value.strip().toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw subject.refused("must be true or false");
                }
                return new Literal(lower.toUpperCase(Locale.ROOT), lower);
            }
            case DATE: {
                LocalDate date = date(value).orElseThrow(() -> subject.refused("must be a date such as 2026-12-02"));
                return new Literal("DATE '" + date + "'", date.toString());
            }
            case TIMESTAMP: {
                String form = timestamp(value).orElseThrow(() -> subject.refused("must be a timestamp such as "
                        + "2026-12-02 10:15:30 or 2026-12-02T10:15:30.250 (at most milliseconds)"));
                return new Literal("TIMESTAMP '" + form + "'", form);
            }
            case INTERVAL: {
                Duration duration = Durations.parse(value).orElseThrow(() -> subject.refused("must be a duration such "
                        + "as PT5M, 5 min, 10 s or 500 ms (whole milliseconds, at most " + Durations.MAX_DAYS
                        + " days)"));
                return new Literal(Durations.literal(duration), duration.toMillis() + " ms");
            }
            default: // TABLE, COLUMN
                throw new IllegalArgumentException("identifiers are not scalar values");
        }
    }

    /**
     * The fixed stand-in of a kind the structure check compares a bound statement with. A number keeps its sign:
     * Flink's parser folds {@code -5} into one literal, but writes it back with its sign.
     */
    static Literal probe(ParameterKind kind, Literal value) {
        String sign = value.code().startsWith("-") ? "-" : "";
        switch (kind) {
            case STRING:
            case ENUM:
                return Literal.string("probe");
            case INTEGER:
                return new Literal(sign + "1", "probe");
            case DECIMAL:
                return new Literal(sign + "1.0", "probe");
            case BOOLEAN:
                return new Literal("TRUE", "probe");
            case DATE:
                return new Literal("DATE '2000-01-01'", "probe");
            case TIMESTAMP:
                return new Literal("TIMESTAMP '2000-01-01 00:00:00.000'", "probe");
            case INTERVAL:
                return new Literal(Durations.literal(Duration.ofSeconds(1)), "probe");
            default: // TABLE, COLUMN
                throw new IllegalArgumentException("identifiers keep their names in the probe");
        }
    }

    /** Bounded, well-formed Unicode: an unpaired surrogate has no encoding the parser could round-trip. */
    static void checkText(Subject subject, String value) {
        if (value.length() > MAX_VALUE_CHARS) {
            throw subject.refused("must be at most " + MAX_VALUE_CHARS + " characters long");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw subject.refused("must be well-formed Unicode text (it holds an unpaired surrogate)");
            }
        }
    }

    private static Optional<Long> parseLong(String value) {
        String number = value.strip();
        if (!INTEGER.matcher(number).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(number));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> decimal(String value) {
        String number = value.strip();
        if (!DECIMAL.matcher(number).matches()) {
            return Optional.empty();
        }
        BigDecimal decimal = new BigDecimal(number);
        return decimal.precision() <= MAX_DECIMAL_DIGITS && decimal.scale() <= MAX_DECIMAL_DIGITS
                ? Optional.of(decimal)
                : Optional.empty();
    }

    private static Optional<LocalDate> date(String value) {
        String text = value.strip();
        if (!DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> timestamp(String value) {
        String text = value.strip();
        if (!TIMESTAMP.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.replace(' ', 'T')).format(TIMESTAMP_FORM));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
