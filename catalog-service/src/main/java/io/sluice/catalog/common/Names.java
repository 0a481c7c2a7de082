package io.sluice.catalog.common;

import java.util.regex.Pattern;

/**
 * The naming rule the platform uses for everything a user names (tables, columns, projects, data
 * sources): letters, digits and underscore, starting with a letter. Such names need no quoting in
 * Flink SQL and are valid Kafka topic, database and Redis key names.
 */
public final class Names {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("[a-z_][a-z0-9_]{0,63}");

    private Names() {}

    /** Checks {@code value} against the rule and the length bounds, naming {@code field} when it fails. */
    public static String require(String field, String value, int minLength, int maxLength) {
        if (value == null || value.isBlank()) {
            throw CatalogException.invalid(field, field + " is required");
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            throw CatalogException.invalid(
                    field,
                    field + " '" + value + "' may use only letters, digits and underscore, and must start with a letter");
        }
        if (value.length() < minLength || value.length() > maxLength) {
            throw CatalogException.invalid(
                    field,
                    field + " '" + value + "' must be " + minLength + " to " + maxLength
                            + " characters long, it has " + value.length());
        }
        return value;
    }

    /**
     * Checks the name of something a statement refers to as {@code ${name}} (a template's parameter, a variable) by
     * the binder's rule: lower case, so that one name cannot be spelt two ways, 1 to 64 characters.
     */
    public static String requirePlaceholder(String field, String value) {
        return requireLowerCase(field, value, PLACEHOLDER, "1 to 64 lower-case letters, digits and underscores, not starting with a digit");
    }

    /** Checks a lower-case name against {@code rule}, which {@code ruleInWords} says to the user. */
    public static String requireLowerCase(String field, String value, Pattern rule, String ruleInWords) {
        if (value == null || value.isBlank()) {
            throw CatalogException.invalid(field, field + " is required");
        }
        if (!rule.matcher(value).matches()) {
            throw CatalogException.invalid(field, field + " '" + value + "' must be " + ruleInWords);
        }
        return value;
    }

    /** Whether {@code value} follows the rule within the length bounds. */
    public static boolean matches(String value, int minLength, int maxLength) {
        return value != null && IDENTIFIER.matcher(value).matches() && value.length() >= minLength && value.length() <= maxLength;
    }

    /** Reads a user's spelling of an enum constant, naming the accepted spellings when it is none of them; null stays null. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (spelling(constant).equals(value)) {
                return constant;
            }
        }
        String accepted = java.util.Arrays.stream(type.getEnumConstants()).map(Names::spelling).collect(java.util.stream.Collectors.joining(", "));
        throw CatalogException.invalid(field, field + " must be one of " + accepted + "; got '" + value + "'");
    }

    /** A lower-case enum constant's user-facing spelling, e.g. {@code DATA_ADMIN} → {@code data_admin}. */
    public static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT);
    }
}
