package io.sluice.catalog.variable;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Names;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Set;
import org.apache.flink.util.TimeUtils;

/**
 * What a variable must be before it is stored: named by the placeholder rule and not as a built-in variable, for
 * an environment with a catalog, and with a value of its kind. No refusal repeats the value, which may be a secret.
 */
final class VariableRules {

    static final int MAX_VALUE_LENGTH = 8192;

    private static final DateTimeFormatter SQL_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ofPattern("HH:mm:ss"))
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .toFormatter();

    private VariableRules() {}

    static String name(String name, Set<String> builtIn) {
        Names.requirePlaceholder("name", name);
        if (builtIn.contains(name)) {
            throw CatalogException.invalid("name", "'" + name + "' is a built-in variable (" + String.join(", ", builtIn.stream().sorted().toList())
                    + "); choose another name");
        }
        return name;
    }

    /** The environment a value is for; null is the project's value, which every environment without its own sees. */
    static Environment environment(String spelling) {
        Environment environment = spelling == null ? null : Environment.parse("environment", spelling);
        if (environment == Environment.DESIGN) {
            throw CatalogException.invalid("environment", "design runs no statements: set a value for test or prod, or for the "
                    + "whole project (no environment)");
        }
        return environment;
    }

    static VariableKind kind(String spelling) {
        if (spelling == null) {
            throw CatalogException.invalid("kind", "kind is required: one of string, integer, decimal, boolean, date, timestamp, interval");
        }
        return Names.parse(VariableKind.class, "kind", spelling);
    }

    /** Refuses a value that is not of its kind, saying what the kind takes. */
    static String value(VariableKind kind, String value) {
        if (value == null) {
            throw CatalogException.invalid("value", "value is required");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw CatalogException.invalid("value", "a value has at most " + MAX_VALUE_LENGTH + " characters; this one has " + value.length());
        }
        if (!ofKind(kind, value)) {
            throw CatalogException.invalid("value", "the value is not " + expected(kind));
        }
        return value;
    }

    private static boolean ofKind(VariableKind kind, String value) {
        try {
            switch (kind) {
                case STRING -> { }
                case INTEGER -> Long.parseLong(value);
                case DECIMAL -> new BigDecimal(value);
                case BOOLEAN -> {
                    return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
                }
                case DATE -> LocalDate.parse(value);
                case TIMESTAMP -> timestamp(value);
                case INTERVAL -> interval(value);
            }
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void timestamp(String value) {
        if (value.indexOf('T') >= 0) {
            LocalDateTime.parse(value);
        } else {
            LocalDateTime.parse(value, SQL_TIMESTAMP);
        }
    }

    private static void interval(String value) {
        if (value.startsWith("P") || value.startsWith("-P")) {
            Duration.parse(value);
        } else {
            TimeUtils.parseDuration(value);
        }
    }

    private static String expected(VariableKind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case INTEGER -> "an integer (a whole number such as 42, within the range of a 64-bit integer)";
            case DECIMAL -> "a decimal number such as 12.50";
            case BOOLEAN -> "a boolean: true or false";
            case DATE -> "a date such as 2026-12-02";
            case TIMESTAMP -> "a timestamp such as 2026-12-02 10:15:30 or 2026-12-02T10:15:30";
            case INTERVAL -> "an interval such as 5 min, 10 s, 500 ms or PT5M";
        };
    }
}
