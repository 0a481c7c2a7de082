package io.sluice.gateway.session;

import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.catalog.TableHints;
import io.sluice.gateway.errors.ClientError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client may change in its session: which session properties and SET keys, and which kinds of statement.
 * Everything that could send jobs elsewhere, load code or touch the gateway's file system is refused with a
 * message that says why.
 */
public final class SessionPolicy {

    /** The session property that picks the project a session works for, for users in several projects. */
    public static final String PROJECT_PROPERTY = "project";

    /**
     * Keys that would redirect jobs or load code: refused when a client sends them, not silently dropped. (The SQL
     * client's own {@code $internal.*} keys, e.g. its config directory, are dropped like any other unknown key.)
     */
    private static final List<String> REFUSED_KEYS =
            List.of(
                    "execution.target",
                    "pipeline.jars",
                    "pipeline.classpaths",
                    "pipeline.cached-files",
                    "pipeline.global-job-parameters",
                    "table.catalog-store.*",
                    "table.resources.*",
                    "classloader.*",
                    "python.*",
                    "execution.checkpointing.dir",
                    "execution.checkpointing.savepoint-dir",
                    "state.*",
                    "kubernetes.*",
                    "yarn.*",
                    "high-availability.*",
                    "security.*",
                    "env.*");

    private static final List<String> SECRET_HINTS = List.of("password", "secret", "token", "jaas", "credential");

    private static final Pattern SET =
            Pattern.compile("(?is)^SET\\s+(?:'([^']*)'|([^\\s=]+))\\s*=.*");
    private static final Pattern RESET = Pattern.compile("(?is)^RESET\\s+(?:'([^']*)'|([^\\s;]+))\\s*;?\\s*$");
    private static final Pattern PATH_OPTION =
            Pattern.compile("(?i)'([a-z0-9._-]*(?:path|[.-]dir))'\\s*=");
    private static final Pattern FILESYSTEM_CONNECTOR =
            Pattern.compile("(?i)'connector'\\s*=\\s*'filesystem'");
    private static final Pattern OPTIONS_HINT = Pattern.compile("(?i)\\bOPTIONS\\s*\\(([^)]*)\\)");
    private static final Pattern HINT_KEY = Pattern.compile("'([^']*)'\\s*=");
    private static final Pattern USING_JAR = Pattern.compile("(?i)\\bUSING\\s+JAR\\b");

    private final List<String> allowedKeys;

    public SessionPolicy(List<String> allowedKeys) {
        this.allowedKeys = List.copyOf(allowedKeys);
    }

    /**
     * The session properties a client sent on open session, less credentials and less keys it may not set.
     * Keys in {@link #REFUSED_KEYS} are refused; other unknown keys (a SQL client sends its whole local Flink
     * config, e.g. {@code rest.address}) are dropped, as they mean nothing to a shared gateway.
     */
    public Map<String, String> sessionProperties(Map<String, String> requested) {
        Map<String, String> kept = new LinkedHashMap<>();
        TreeSet<String> refused = new TreeSet<>();
        requested.forEach(
                (key, value) -> {
                    if (Credentials.PROPERTIES.contains(key) || PROJECT_PROPERTY.equals(key)) {
                        return;
                    }
                    if (isAllowed(key)) {
                        kept.put(key, value);
                    } else if (matchesAny(REFUSED_KEYS, key)) {
                        refused.add(key);
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

    /** The kind of a statement as far as the policy cares. */
    public enum Kind {
        OTHER,
        /** {@code SET} without a key: lists the session's config. */
        SHOW_CONFIG,
        SHOW_JOBS,
        STOP_JOB,
        DESCRIBE_JOB
    }

    /**
     * Refuses what a statement may not do and tells what it is. Cheap on purpose: it looks at the first words
     * and, only for statements that create something, at their options, so a plain query costs next to nothing.
     */
    public Kind check(String statement) {
        String sql = stripLeadingComments(statement);
        List<String> words = firstWords(sql, 4);
        String first = words.isEmpty() ? "" : words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        switch (first) {
            case "SELECT":
            case "INSERT":
            case "WITH":
            case "EXECUTE":
            case "EXPLAIN":
            case "BEGIN":
                checkHints(sql);
                if (first.equals("EXECUTE") && words.contains("PLAN")) {
                    throw ClientError.denied("plan files are not allowed: COMPILE/EXECUTE PLAN reads and writes the "
                                    + "gateway's file system.")
                            .raise();
                }
                return Kind.OTHER;
            case "VALUES":
            case "USE":
                return Kind.OTHER;
            case "DESCRIBE":
            case "DESC":
                return second.equals("JOB") ? Kind.DESCRIBE_JOB : Kind.OTHER;
            case "SHOW":
                return second.equals("JOBS") ? Kind.SHOW_JOBS : Kind.OTHER;
            case "STOP":
                return second.equals("JOB") ? Kind.STOP_JOB : Kind.OTHER;
            case "SET":
                if (words.size() == 1 && !sql.contains("'") && !sql.contains("=")) {
                    return Kind.SHOW_CONFIG;
                }
                checkSet(sql);
                return Kind.OTHER;
            case "RESET":
                checkReset(sql);
                return Kind.OTHER;
            case "ADD":
            case "REMOVE":
                if (second.equals("JAR")) {
                    throw ClientError.denied(
                                    first + " JAR is not allowed on this gateway: functions come from the project's "
                                            + "registered UDFs.")
                            .raise();
                }
                return Kind.OTHER;
            case "LOAD":
            case "UNLOAD":
                if (second.equals("MODULE")) {
                    throw ClientError.denied(first + " MODULE is not allowed: the gateway sets up the session's modules.")
                            .raise();
                }
                return Kind.OTHER;
            case "COMPILE":
                if (words.contains("PLAN")) {
                    throw ClientError.denied("plan files are not allowed: COMPILE/EXECUTE PLAN reads and writes the "
                                    + "gateway's file system.")
                            .raise();
                }
                return Kind.OTHER;
            case "CREATE":
            case "ALTER":
            case "DROP":
                checkDefinition(first, second, sql);
                return Kind.OTHER;
            default:
                return Kind.OTHER;
        }
    }

    private void checkDefinition(String verb, String object, String sql) {
        if (object.equals("CATALOG")) {
            throw ClientError.denied(
                            verb + " CATALOG is not allowed: the session's catalogs are the environments "
                                    + "catalog-service gives you.")
                    .raise();
        }
        if (object.equals("MATERIALIZED")) {
            throw ClientError.denied("materialized tables are not offered through this gateway.").raise();
        }
        if (USING_JAR.matcher(sql).find()) {
            throw ClientError.denied(
                            "CREATE FUNCTION … USING JAR is not allowed: functions come from the project's registered UDFs.")
                    .raise();
        }
        if (FILESYSTEM_CONNECTOR.matcher(sql).find()) {
            throw ClientError.denied(
                            "the 'filesystem' connector is not allowed: it reads and writes the gateway's file system.")
                    .raise();
        }
        Matcher path = PATH_OPTION.matcher(sql);
        if (path.find()) {
            throw ClientError.denied(
                            "option '" + path.group(1) + "' is not allowed: statements may not name file-system paths.")
                    .raise();
        }
    }

    /**
     * Refuses an {@code OPTIONS} hint that would change more than how a table is read or written. A cheap textual
     * look (only statements that contain a hint); the table factory checks the same at planning.
     */
    private static void checkHints(String sql) {
        if (!sql.contains("/*+")) {
            return;
        }
        Matcher hint = OPTIONS_HINT.matcher(sql);
        TreeSet<String> refused = new TreeSet<>();
        while (hint.find()) {
            Matcher key = HINT_KEY.matcher(hint.group(1));
            while (key.find()) {
                if (!TableHints.ALLOWED_KEYS.contains(key.group(1))) {
                    refused.add(key.group(1));
                }
            }
        }
        if (!refused.isEmpty()) {
            throw ClientError.denied(
                            "a query may not set " + String.join(", ", refused) + " in an OPTIONS hint; hints may "
                                    + "set only " + String.join(", ", new TreeSet<>(TableHints.ALLOWED_KEYS)) + ".")
                    .raise();
        }
    }

    private void checkSet(String sql) {
        Matcher set = SET.matcher(sql);
        if (set.matches()) {
            requireAllowed(set.group(1) != null ? set.group(1) : set.group(2));
        }
    }

    private void checkReset(String sql) {
        Matcher reset = RESET.matcher(sql);
        if (reset.matches()) {
            requireAllowed(reset.group(1) != null ? reset.group(1) : reset.group(2));
        }
    }

    private void requireAllowed(String key) {
        if (!isAllowed(key)) {
            throw ClientError.denied("'" + key + "' may not be changed in a session. " + allowedKeysHint()).raise();
        }
    }

    private String allowedKeysHint() {
        return "Allowed keys: " + String.join(", ", allowedKeys) + ".";
    }

    /**
     * Keys of the gateway's own config a session must not see: the endpoint's settings (catalog-service URL and
     * token) and anything that looks like a secret. Flink shows the whole config on {@code SET} and on the REST
     * session-config call.
     */
    public static boolean isHidden(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sql-gateway.endpoint.")) {
            return true;
        }
        for (String hint : SECRET_HINTS) {
            if (lower.contains(hint)) {
                return true;
            }
        }
        return false;
    }

    boolean isAllowed(String key) {
        return matchesAny(allowedKeys, key) && !matchesAny(REFUSED_KEYS, key);
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

    private static String stripLeadingComments(String statement) {
        String sql = statement.strip();
        while (true) {
            if (sql.startsWith("--")) {
                int end = sql.indexOf('\n');
                sql = end < 0 ? "" : sql.substring(end + 1).strip();
            } else if (sql.startsWith("/*")) {
                int end = sql.indexOf("*/");
                sql = end < 0 ? "" : sql.substring(end + 2).strip();
            } else {
                return sql;
            }
        }
    }

    private static List<String> firstWords(String sql, int count) {
        List<String> words = new ArrayList<>(count);
        int i = 0;
        int n = sql.length();
        while (words.size() < count && i < n) {
            while (i < n && !Character.isLetter(sql.charAt(i))) {
                if (sql.charAt(i) == '\'' || sql.charAt(i) == '`') {
                    return words; // a literal or identifier: the statement's leading keywords are over
                }
                i++;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                i++;
            }
            if (start < i) {
                words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            }
        }
        return words;
    }
}
