package io.sluice.gateway.jobs;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the savepoints of a project's jobs go, and which savepoint a session may resume a statement from. Every
 * project has its own folder under one root ({@code job.savepoint-dir}): the gateway sets each session's savepoint
 * folder to {@code <root>/<project>} (a key tenants cannot set), so {@code STOP JOB … WITH SAVEPOINT} writes there
 * and nowhere else, and a session may resume only from a savepoint folder directly inside its own project's folder.
 * The path is judged on its parsed parts ({@link URI}): same scheme and authority as the root, no query, no
 * fragment, no percent-encoding, every segment exactly the root's, then the project, then a name of the form Flink
 * gives savepoint folders ({@code savepoint-<first 6 hex digits of the job id>-<12 random hex digits>}). So
 * {@code ..}, {@code .}, {@code //}, encoded dots and other schemes never reach the file system.
 */
public final class Savepoints {

    /** The session key Flink resumes a job from: the one way a tenant asks to resume. */
    public static final String RECOVERY_PATH_KEY = StateRecoveryOptions.SAVEPOINT_PATH.key();

    /**
     * Whether Flink may drop state of the savepoint that no operator of the new statement takes. Tenants may set
     * it: it decides only how much of the project's own savepoint is used, and reads nothing else.
     */
    public static final String IGNORE_UNCLAIMED_STATE_KEY = StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE.key();

    /** Flink's savepoint folder names: {@code AbstractFsCheckpointStorageAccess} and {@code FileUtils.getRandomFilename}. */
    private static final Pattern SAVEPOINT_FOLDER = Pattern.compile("savepoint-[0-9a-f]{6}-[0-9a-f]{12}");

    /** The platform's naming rule for projects (catalog-service's {@code Names}): always one plain path segment. */
    private static final Pattern PROJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** Why nothing about savepoints is offered, as refusals say it. */
    public static final String NOT_OFFERED =
            "this gateway keeps no savepoints (sql-gateway.endpoint.sluice.job.savepoint-dir is not set)";

    private static final Savepoints NONE = new Savepoints(null, null, List.of());

    /** The root's parts; scheme null when the gateway offers no savepoints. */
    private final String scheme;
    private final String authority;
    private final List<String> segments;

    private Savepoints(String scheme, String authority, List<String> segments) {
        this.scheme = scheme;
        this.authority = authority;
        this.segments = List.copyOf(segments);
    }

    /** No savepoints: {@code STOP JOB … WITH SAVEPOINT} and resuming are refused. */
    public static Savepoints none() {
        return NONE;
    }

    /**
     * The savepoints of projects under {@code root} ({@code job.savepoint-dir}); none for a blank or absent value.
     *
     * @throws IllegalArgumentException when the root is not an absolute, plain folder URI, saying why
     */
    public static Savepoints under(String root) {
        if (root == null || root.isBlank()) {
            return NONE;
        }
        URI uri;
        try {
            uri = new URI(root.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + root + "' is not a URI (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || uri.isOpaque() || !uri.getRawPath().startsWith("/")) {
            throw new IllegalArgumentException(
                    "'" + root + "' is not an absolute folder URI such as file:///var/sluice/savepoints or "
                            + "s3://bucket/savepoints");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || root.indexOf('%') >= 0) {
            throw new IllegalArgumentException("'" + root + "' may have no query, fragment or percent-encoding");
        }
        String path = uri.getRawPath();
        List<String> segments = segments(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("'" + root + "' is not a normalised path (no //, . or ..)");
            }
        }
        return new Savepoints(uri.getScheme(), uri.getRawAuthority(), segments);
    }

    /** Whether the gateway offers savepoints at all. */
    public boolean offered() {
        return scheme != null;
    }

    /**
     * The project's savepoint folder, {@code <root>/<project>}; empty when savepoints are not offered or the project
     * has no name that is one plain path segment (a session without a project).
     */
    public Optional<String> folderOf(String project) {
        if (!offered() || project == null || !PROJECT.matcher(project).matches()) {
            return Optional.empty();
        }
        StringBuilder folder = new StringBuilder(scheme).append("://").append(authority == null ? "" : authority);
        segments.forEach(segment -> folder.append('/').append(segment));
        return Optional.of(folder.append('/').append(project).toString());
    }

    /**
     * What the gateway sets in a session of the project, as settings tenants cannot change: its savepoint folder,
     * and the claim mode {@code NO_CLAIM}, so that Flink never takes ownership of a savepoint a statement resumes
     * from (in {@code CLAIM} mode it may delete it once newer checkpoints replace it), whatever the cluster's
     * default. Empty when the project has no savepoint folder.
     */
    public Map<String, String> sessionSettings(String project) {
        return folderOf(project)
                .map(folder -> Map.of(
                        CheckpointingOptions.SAVEPOINT_DIRECTORY.key(), folder,
                        StateRecoveryOptions.RESTORE_MODE.key(), RecoveryClaimMode.NO_CLAIM.name()))
                .orElse(Map.of());
    }

    /** Whether the key is one of those a tenant may set, with a value judged here. */
    public static boolean governs(String key) {
        return key.equals(RECOVERY_PATH_KEY) || key.equals(IGNORE_UNCLAIMED_STATE_KEY);
    }

    /**
     * Why a session of the project may not give a {@link #governs governed} key this value (exactly as Flink will
     * store it); empty when it may.
     */
    public Optional<String> whyNot(String key, String value, String project) {
        if (key.equals(IGNORE_UNCLAIMED_STATE_KEY)) {
            String lower = value.toLowerCase(Locale.ROOT);
            return lower.equals("true") || lower.equals("false") ? Optional.empty() : Optional.of("it takes true or false.");
        }
        if (!offered()) {
            return Optional.of(NOT_OFFERED + ", so there is none to resume from.");
        }
        if (folderOf(project).isEmpty()) {
            return Optional.of("a session without a project has no savepoints to resume from.");
        }
        if (!isSavepointOf(value, project)) {
            return Optional.of(
                    "a statement resumes only from a savepoint of its own project's jobs. Use, unchanged, the path that "
                            + "STOP JOB '<job id>' WITH SAVEPOINT returned for a job of project " + project + ".");
        }
        return Optional.empty();
    }

    private boolean isSavepointOf(String value, String project) {
        if (value.indexOf('%') >= 0) {
            return false; // decoded later by the file system: %2e%2e would be '..'
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.isOpaque() || !scheme.equals(uri.getScheme()) || !Objects.equals(authority, uri.getRawAuthority())
                || uri.getRawQuery() != null || uri.getRawFragment() != null || !uri.getRawPath().startsWith("/")) {
            return false;
        }
        List<String> expected = new ArrayList<>(segments);
        expected.add(project);
        List<String> actual = segments(uri.getRawPath());
        return actual.size() == expected.size() + 1
                && actual.subList(0, expected.size()).equals(expected)
                && SAVEPOINT_FOLDER.matcher(actual.get(expected.size())).matches();
    }

    /** The segments of an absolute path (or of the empty one), empty ones kept: "/a//b/" is [a, "", b, ""]. */
    private static List<String> segments(String absolutePath) {
        return absolutePath.isEmpty() ? List.of() : Arrays.asList(absolutePath.substring(1).split("/", -1));
    }
}
