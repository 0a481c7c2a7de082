package io.sluice.gateway.session;

import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.errors.ClientError;

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
 */
public final class SessionPolicy {

    /** The session property that picks the project a session works for, for users in several projects. */
    public static final String PROJECT_PROPERTY = "project";

    /** The job tags (project and user): the gateway sets them when a session opens and keeps them on RESET. */
    public static final String JOB_TAGS_KEY = "pipeline.global-job-parameters";

    /**
     * Settings the gateway owns. A trailing '*' covers a prefix. Deprecated spellings of owned options are listed too
     * ({@code execution.savepoint.*} for {@code execution.state-recovery.path}, {@code state.*} for checkpoint and
     * savepoint folders), since Flink still reads them.
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

    private static final List<String> SECRET_HINTS = List.of("password", "secret", "token", "jaas", "credential");

    private final List<String> allowedKeys;

    public SessionPolicy(List<String> allowedKeys) {
        this.allowedKeys = List.copyOf(allowedKeys);
    }

    /**
     * The session properties a client sent on open session, less credentials and less keys it may not set. Owned
     * keys are refused (except those ordinary clients send, which are dropped); other unknown keys are dropped, as
     * they mean nothing to a shared gateway.
     */
    public Map<String, String> sessionProperties(Map<String, String> requested) {
        Map<String, String> kept = new LinkedHashMap<>();
        TreeSet<String> refused = new TreeSet<>();
        requested.forEach(
                (key, value) -> {
                    if (Credentials.PROPERTIES.contains(key) || PROJECT_PROPERTY.equals(key)) {
                        return;
                    }
                    String trimmed = key.trim();
                    if (isAllowed(trimmed)) {
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

    /** Why a {@code SET} or {@code RESET} may not change this key; empty when it may. */
    public Optional<String> whyUnchangeable(String key) {
        String trimmed = key.trim();
        if (isAllowed(trimmed)) {
            return Optional.empty();
        }
        return Optional.of(
                "'" + trimmed + "' may not be changed in a session" + (isOwned(trimmed) ? ": the gateway owns it. " : ". ")
                        + allowedKeysHint());
    }

    private String allowedKeysHint() {
        return "Allowed keys: " + String.join(", ", allowedKeys) + ".";
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

    boolean isAllowed(String key) {
        return matchesAny(allowedKeys, key) && !isOwned(key);
    }

    private static boolean isOwned(String key) {
        return matchesAny(OWNED_KEYS, key);
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
