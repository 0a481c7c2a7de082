package io.sluice.templates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * The variables every statement can use: {@code project} and {@code environment} (strings), {@code current_date},
 * {@code yesterday} (dates) and {@code current_timestamp} (a timestamp to the millisecond), all in the session's time
 * zone and fixed when the statement is bound. None is secret. A project's or an environment's own variable of the same
 * name comes first when the caller puts it first with {@link Variables#then}.
 */
public final class BuiltInVariables {

    public static final Set<String> NAMES = Set.of("project", "environment", "current_date", "current_timestamp",
            "yesterday");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private BuiltInVariables() {}

    /** @param environment null when the session has none: then {@code ${environment}} is an error naming it */
    public static Variables of(String project, String environment, ZoneId zone, Clock clock) {
        return name -> {
            switch (name) {
                case "project":
                    return Optional.of(new Variable(name, ParameterKind.STRING, project, false));
                case "environment":
                    if (environment == null) {
                        throw new TemplateException(name, "variable 'environment' is not defined: this session has no "
                                + "environment; open the session in one (for example test or prod) to use "
                                + "${environment}");
                    }
                    return Optional.of(new Variable(name, ParameterKind.STRING, environment, false));
                case "current_date":
                    return Optional.of(date(name, LocalDate.now(clock.withZone(zone))));
                case "yesterday":
                    return Optional.of(date(name, LocalDate.now(clock.withZone(zone)).minusDays(1)));
                case "current_timestamp":
                    return Optional.of(new Variable(name, ParameterKind.TIMESTAMP,
                            LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MILLIS).format(TIMESTAMP),
                            false));
                default:
                    return Optional.empty();
            }
        };
    }

    private static Variable date(String name, LocalDate date) {
        return new Variable(name, ParameterKind.DATE, date.toString(), false);
    }
}
