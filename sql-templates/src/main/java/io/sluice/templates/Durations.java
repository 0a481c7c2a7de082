package io.sluice.templates;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration as ISO-8601 ({@code PT5M}, {@code P1DT2H}) or Flink's own form ({@code 5 min}, {@code 500 ms}). */
final class Durations {

    /** DAY(6) is the widest day precision Flink's interval types have. */
    static final long MAX_DAYS = 999_999;

    private static final Pattern FLINK = Pattern.compile("(\\d{1,15})\\s*([a-z]+)");

    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("d", Duration.ofDays(1)), Map.entry("day", Duration.ofDays(1)),
            Map.entry("days", Duration.ofDays(1)),
            Map.entry("h", Duration.ofHours(1)), Map.entry("hour", Duration.ofHours(1)),
            Map.entry("hours", Duration.ofHours(1)),
            Map.entry("min", Duration.ofMinutes(1)), Map.entry("minute", Duration.ofMinutes(1)),
            Map.entry("minutes", Duration.ofMinutes(1)),
            Map.entry("s", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("secs", Duration.ofSeconds(1)), Map.entry("second", Duration.ofSeconds(1)),
            Map.entry("seconds", Duration.ofSeconds(1)),
            Map.entry("ms", Duration.ofMillis(1)), Map.entry("milli", Duration.ofMillis(1)),
            Map.entry("millis", Duration.ofMillis(1)), Map.entry("millisecond", Duration.ofMillis(1)),
            Map.entry("milliseconds", Duration.ofMillis(1)));

    private Durations() {}

    /** Empty when the text is no duration, is negative, is finer than a millisecond or is longer than DAY(6) holds. */
    static Optional<Duration> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Optional<Duration> duration = value.startsWith("p") ? iso(value) : flink(value);
        return duration.filter(d -> !d.isNegative() && d.getNano() % 1_000_000 == 0 && d.toDays() <= MAX_DAYS);
    }

    private static Optional<Duration> iso(String value) {
        try {
            return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> flink(String value) {
        Matcher matcher = FLINK.matcher(value);
        if (!matcher.matches() || !UNITS.containsKey(matcher.group(2))) {
            return Optional.empty();
        }
        try {
            return Optional.of(UNITS.get(matcher.group(2)).multipliedBy(Long.parseLong(matcher.group(1))));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Flink's literal: {@code INTERVAL 'd hh:mm:ss.fff' DAY(6) TO SECOND(3)}. */
    static String literal(Duration duration) {
        return String.format(Locale.ROOT, "INTERVAL '%d %02d:%02d:%02d.%03d' DAY(6) TO SECOND(3)", duration.toDays(),
                duration.toHoursPart(), duration.toMinutesPart(), duration.toSecondsPart(), duration.toMillisPart());
    }
}
