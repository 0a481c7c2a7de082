package io.sluice.gateway.session;

import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.SluiceGatewayOptions;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.gate.ResultMode;
import io.sluice.gateway.jobs.Savepoints;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which session settings a tenant may send, set, reset and see. The rule is an allow-list
 * ({@code session.allowed-keys}); on top of it, the settings the gateway owns can never be set, reset or listed by a
 * tenant, whatever the allow-list says: where jobs run, what code they load, which project they belong to, the
 * endpoint's own settings. Keys are judged as Flink will use them (trimmed, as Flink's {@code SET} trims them).
 * Two keys of state recovery are neither allowed nor owned but judged by their value ({@link Savepoints}): the path
 * of a savepoint of the session's own project, and whether unclaimed state of it may be dropped.
 */
public final class SessionPolicy {

    /** The session property that picks the project a session works for, for users in several projects. */
    public static final String PROJECT_PROPERTY = "project";

    /** The job tags (project and user): the gateway sets them when a session opens and keeps them on RESET. */
    public static final String JOB_TAGS_KEY = "pipeline.global-job-parameters";

    /**
     * Settings the gateway owns. A trailing '*' covers a prefix. Deprecated spellings of owned options are listed too
     * ({@code execution.savepoint.*} and {@code execution.savepoint-restore-mode} for {@code execution.state-recovery.*},
     * {@code state.*} for checkpoint and savepoint folders), since Flink still reads them: a tenant resumes only
     * through {@link Savepoints#RECOVERY_PATH_KEY}, the one spelling the gateway judges. Of
     * {@code execution.state-recovery.*}, only the {@link Savepoints#governs governed} keys are not owned; the claim
     * mode stays the gateway's ({@code CLAIM} would let Flink delete the savepoint).
     */
    private static final List<String> OWNED_KEYS =
            List.of(
                    JOB_TAGS_KEY,
                    "sql-gateway.endpoint.*",
                    "execution.target",
                    "execution.attached",
                    "rest.*",
                    "pipeline.jars",
                    "pipeline.classpaths",
                    "pipeline.cached-files",
                    "execution.state-recovery.*",
                    "execution.savepoint.*",
                    "execution.savepoint-restore-mode",
                    "execution.checkpointing.dir",
                    "execution.checkpointing.savepoint-dir",
                    "state.*",
                    "classloader.*",
                    "table.plan.*",
                    "table.catalog-store.*",
                    "table.resources.*",
                    "python.*",
                    "jobmanager.*",
                    "taskmanager.*",
                    "kubernetes.*",
                    "yarn.*",
                    "high-availability.*",
                    "security.*",
                    "env.*",
                    "$internal.*");

    /**
     * Owned settings a client may send on open session without being refused, because ordinary clients do: the SQL
     * client sends its whole local config ({@code rest.address}, its {@code $internal.*} keys). They are dropped.
     */
    private static final List<String> DROPPED_AT_OPEN = List.of("rest.*", "$internal.*", "execution.attached");

    /** Sluice's own session settings: always settable, whatever {@code session.allowed-keys} says. */
    private static final List<String> SELF_READ_KEYS = List.of(SluiceGatewayOptions.RESULT_MODE.key());

    private static final List<String> SECRET_HINTS = List.of("password", "secret", "token", "jaas", "credential");

    private final List<String> allowedKeys;
    private final Savepoints savepoints;

    /** A policy without savepoints: resuming is refused. */
    public SessionPolicy(List<String> allowedKeys) {
        this(allowedKeys, Savepoints.none());
    }

    public SessionPolicy(List<String> allowedKeys, Savepoints savepoints) {
        this.allowedKeys = List.copyOf(allowedKeys);
        this.savepoints = savepoints;
    }

    /** Where the sessions' jobs keep savepoints, and which a session may resume from. */
    public Savepoints savepoints() {
        return savepoints;
    }

    /**
     * The session properties a client of the project sent on open session (or with one statement), less
     * credentials and less keys it may not set. Owned keys are refused (except those ordinary clients send, which
     * are dropped), as are governed keys with a value the project may not give them; other unknown keys are
     * dropped, as they mean nothing to a shared gateway.
     */
    public Map<String, String> sessionProperties(Map<String, String> requested, String project) {
        Map<String, String> kept = new LinkedHashMap<>();
        TreeSet<String> refused = new TreeSet<>();
        requested.forEach(
                (key, value) -> {
                    if (Credentials.PROPERTIES.contains(key) || PROJECT_PROPERTY.equals(key)) {
                        return;
                    }
                    String trimmed = key.trim();
                    if (Savepoints.governs(trimmed)) {
                        // judged as sent: Flink keeps a property's value untrimmed
                        savepoints.whyNot(trimmed, value, project).ifPresent(why -> {
                            throw ClientError.denied("a session may not set " + trimmed + " to that value: " + why).raise();
                        });
                        kept.put(trimmed, value);
                    } else if (isAllowed(trimmed)) {
                        whyNotValid(trimmed, value).ifPresent(why -> {
                            throw ClientError.denied(why).raise();
                        });
                        kept.put(trimmed, value);
                    } else if (isOwned(trimmed) && !matchesAny(DROPPED_AT_OPEN, trimmed)) {
                        refused.add(trimmed);
                    }
                });
        if (!refused.isEmpty()) {
            throw ClientError.denied(
                            "a session may not set " + String.join(", ", refused)
                                    + "; the gateway decides where jobs run and what code they load. "
                                    + allowedKeysHint())
                    .raise();
        }
        return kept;
    }

    /**
     * Why a {@code SET} in a session of the project may not give this key this value; empty when it may.
     *
     * @param value the value as the {@code SET} operation holds it (Flink stores it trimmed)
     */
    public Optional<String> whyNotSettable(String key, String value, String project) {
        String trimmed = key.trim();
        if (Savepoints.governs(trimmed)) {
            return savepoints.whyNot(trimmed, value.trim(), project)
                    .map(why -> "'" + trimmed + "' may not be changed in a session to that value: " + why);
        }
        return whyNotResettable(trimmed).or(() -> whyNotValid(trimmed, value));
    }

    /** Why a value of a key the gateway reads itself is not one it understands; empty when it is. */
    private static Optional<String> whyNotValid(String key, String value) {
        return SluiceGatewayOptions.RESULT_MODE.key().equals(key) ? ResultMode.whyNotAllowed(value) : Optional.empty();
    }

    /**
     * Why a {@code RESET} may not change this key; empty when it may. The governed keys may always be reset: without
     * them a statement starts afresh.
     */
    public Optional<String> whyNotResettable(String key) {
        String trimmed = key.trim();
        if (isAllowed(trimmed) || Savepoints.governs(trimmed)) {
            return Optional.empty();
        }
        return Optional.of(
                "'" + trimmed + "' may not be changed in a session" + (isOwned(trimmed) ? ": the gateway owns it. " : ". ")
                        + allowedKeysHint());
    }

    private String allowedKeysHint() {
        TreeSet<String> selfRead = new TreeSet<>(SELF_READ_KEYS);
        selfRead.removeAll(allowedKeys);
        List<String> all = new ArrayList<>(allowedKeys);
        all.addAll(selfRead);
        return "Allowed keys: " + String.join(", ", all) + ".";
    }

    /**
     * Keys a session must not see: the settings the gateway owns and anything that looks like a secret. Flink shows
     * the whole config on {@code SET} and on the REST session-config call.
     */
    public static boolean isHidden(String key) {
        String trimmed = key.trim();
        if (isOwned(trimmed)) {
            return true;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        for (String hint : SECRET_HINTS) {
            if (lower.contains(hint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The allow-list's keys, and always the keys the gateway reads itself (judged by their value): an operator's own
     * allow-list that forgot one must not silently turn, say, a BI tool's snapshot session into a streaming one.
     */
    boolean isAllowed(String key) {
        return SELF_READ_KEYS.contains(key) || (matchesAny(allowedKeys, key) && !isOwned(key));
    }

    private static boolean isOwned(String key) {
        return matchesAny(OWNED_KEYS, key) && !Savepoints.governs(key);
    }

    private static boolean matchesAny(List<String> patterns, String key) {
        for (String pattern : patterns) {
            if (pattern.endsWith("*")
                    ? key.startsWith(pattern.substring(0, pattern.length() - 1))
                    : key.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
