package io.sluice.catalog.quota;

import io.sluice.catalog.common.CatalogException;
import io.sluice.contract.QuotaView;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** What a quota may be, read from a request body, and what a project's quota is once defaults fill its gaps. */
public final class QuotaRules {

    /** More than any Flink cluster offers: a bound, so that a typo cannot mean "unlimited" by overflow. */
    public static final int MAX_VALUE = 100_000;

    static final String MAX_PARALLELISM = "maxParallelism";
    static final String MAX_TASK_SLOTS = "maxTaskSlots";
    static final String MAX_SESSIONS_PER_USER = "maxSessionsPerUser";
    static final List<String> FIELDS = List.of(MAX_PARALLELISM, MAX_TASK_SLOTS, MAX_SESSIONS_PER_USER);

    private QuotaRules() {}

    /**
     * The quota a {@code PUT} body asks for: every field a whole number from 1 to {@link #MAX_VALUE}, or null (or
     * left out) for the platform default; any other field is refused, naming it.
     */
    public static QuotaSettings fromBody(Map<String, Object> body) {
        if (body == null) {
            throw CatalogException.invalid("body", "a quota is a JSON object with " + String.join(", ", FIELDS));
        }
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw CatalogException.invalid(
                        field, "'" + field + "' is not a quota field; a quota has " + String.join(", ", FIELDS));
            }
        }
        return new QuotaSettings(
                value(body, MAX_PARALLELISM), value(body, MAX_TASK_SLOTS), value(body, MAX_SESSIONS_PER_USER));
    }

    /** The project's quota: its own values where it has them, the defaults elsewhere. */
    public static QuotaView effective(String project, QuotaSettings own, QuotaDefaults defaults) {
        return new QuotaView(
                project,
                own.maxParallelism() != null ? own.maxParallelism() : defaults.maxParallelism(),
                own.maxTaskSlots() != null ? own.maxTaskSlots() : defaults.maxTaskSlots(),
                own.maxSessionsPerUser() != null ? own.maxSessionsPerUser() : defaults.maxSessionsPerUser());
    }

    static void requireValid(String field, long value) {
        if (value < 1 || value > MAX_VALUE) {
            throw CatalogException.invalid(
                    field, field + " must be a whole number from 1 to " + MAX_VALUE + ", not " + value);
        }
    }

    private static Integer value(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
            throw CatalogException.invalid(
                    field, field + " must be a whole number from 1 to " + MAX_VALUE + " (or null for the platform "
                            + "default), not " + (value instanceof String ? "the text '" + value + "'" : value));
        }
        BigInteger number = new BigInteger(value.toString());
        if (number.compareTo(BigInteger.ONE) < 0 || number.compareTo(BigInteger.valueOf(MAX_VALUE)) > 0) {
            throw CatalogException.invalid(
                    field, field + " must be a whole number from 1 to " + MAX_VALUE + ", not " + number);
        }
        return number.intValue();
    }
}
