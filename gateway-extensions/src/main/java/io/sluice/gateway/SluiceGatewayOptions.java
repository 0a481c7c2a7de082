package io.sluice.gateway;

import io.sluice.dimtable.CacheKind;
import io.sluice.gateway.gate.ResultMode;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;
import java.util.List;

/**
 * Every setting of the {@code sluice} endpoint. In the gateway's config they carry the prefix
 * {@code sql-gateway.endpoint.sluice.}, e.g. {@code sql-gateway.endpoint.sluice.catalog-service.url}; the REST
 * settings of Flink's own endpoint ({@code address}, {@code port}, {@code bind-address}, …) apply unchanged under
 * the same prefix.
 */
public final class SluiceGatewayOptions {

    public static final String IDENTIFIER = "sluice";

    /** What these settings' keys start with in the gateway's config. */
    public static final String PREFIX = "sql-gateway.endpoint." + IDENTIFIER + ".";

    public static final ConfigOption<String> CATALOG_SERVICE_URL =
            ConfigOptions.key("catalog-service.url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Base URL of catalog-service, e.g. http://catalog:8080 (the gateway appends /api/v1/…).");

    public static final ConfigOption<String> CATALOG_SERVICE_TOKEN =
            ConfigOptions.key("catalog-service.token")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The gateway's own bearer token for catalog-service (a user with the platform role "
                                    + "'gateway'); reads the environment catalogs (once per environment, shared by "
                                    + "every session), the change feed, access decisions and, at planning time, data "
                                    + "source connections. Prefer catalog-service.token-file so the token stays out "
                                    + "of the config.");

    public static final ConfigOption<String> CATALOG_SERVICE_TOKEN_FILE =
            ConfigOptions.key("catalog-service.token-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("A file holding the gateway's bearer token for catalog-service.");

    public static final ConfigOption<Duration> CATALOG_SERVICE_TIMEOUT =
            ConfigOptions.key("catalog-service.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("How long one call to catalog-service may take.");

    public static final ConfigOption<Duration> CATALOG_SERVICE_OUTAGE_GRACE =
            ConfigOptions.key("catalog-service.outage-grace")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "While catalog-service cannot be reached (no answer, or 5xx), how long open sessions go "
                                    + "on with what the gateway last read from it — logins of open sessions, "
                                    + "environment catalogs, connections, access decisions and quotas — counted "
                                    + "from when catalog-service last confirmed each. Past it, and for anything "
                                    + "never read, statements are refused naming catalog-service as unreachable; "
                                    + "new logins are refused throughout. So a grant revoked just before an outage "
                                    + "is honoured at most this long. 0: refuse as soon as catalog-service is "
                                    + "found unreachable.");

    public static final ConfigOption<List<String>> ENVIRONMENTS =
            ConfigOptions.key("environments")
                    .stringType()
                    .asList()
                    .defaultValues("test", "prod")
                    .withDescription(
                            "Environments offered as Flink catalogs; a session mounts those its principal may "
                                    + "mount (catalog-service lists them with the login). The first mounted one is "
                                    + "the session's current catalog.");

    public static final ConfigOption<Duration> LOGIN_CACHE_TTL =
            ConfigOptions.key("cache.login-ttl")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription(
                            "How long a successful login (credentials → principal) is reused before "
                                    + "catalog-service is asked again; bounds how long a revoked user keeps access.");

    public static final ConfigOption<Duration> CATALOG_CACHE_TTL =
            ConfigOptions.key("cache.catalog-ttl")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "Longest time a session may see an environment's tables as they were before a change "
                                    + "in catalog-service when the change feed is silent. Each environment's catalog "
                                    + "is cached once for all sessions and read ahead by the change feed after half "
                                    + "this time.");

    public static final ConfigOption<Duration> CONNECTION_CACHE_TTL =
            ConfigOptions.key("cache.connection-ttl")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "How long a data source's connection (address and secrets) is reused for planning.");

    public static final ConfigOption<Duration> CHANGE_POLL_INTERVAL =
            ConfigOptions.key("cache.change-poll-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription(
                            "How often catalog-service's change feed is read; a table published to an environment "
                                    + "reaches open sessions within this interval. 0 turns the feed off (TTLs only).");

    public static final ConfigOption<Integer> CACHE_MAX_ENTRIES =
            ConfigOptions.key("cache.max-entries")
                    .intType()
                    .defaultValue(10_000)
                    .withDescription("Upper bound of entries in each of the caches above.");

    public static final ConfigOption<String> FUNCTION_CACHE_DIR =
            ConfigOptions.key("functions.cache-dir")
                    .stringType()
                    .defaultValue(System.getProperty("java.io.tmpdir") + "/sluice-functions")
                    .withDescription(
                            "Where the gateway keeps tenant function artifacts, one folder per project and one "
                                    + "immutable file per checksum, fetched from catalog-service once. Tenants "
                                    + "never name files here: sessions get their project's functions from "
                                    + "catalog-service.");

    public static final ConfigOption<List<String>> ALLOWED_SESSION_KEYS =
            ConfigOptions.key("session.allowed-keys")
                    .stringType()
                    .asList()
                    .defaultValues(
                            "table.exec.*",
                            "table.optimizer.*",
                            "table.display.*",
                            "table.local-time-zone",
                            "table.dml-sync",
                            "table.sql-dialect",
                            "table.dynamic-table-options.enabled",
                            "table.generated-code.*",
                            "execution.runtime-mode",
                            "execution.checkpointing.interval",
                            "execution.checkpointing.mode",
                            "parallelism.default",
                            "pipeline.name",
                            "pipeline.object-reuse",
                            "pipeline.auto-watermark-interval",
                            "sql-client.*",
                            "sql-gateway.session.*")
                    .withDescription(
                            "Session properties a client may send on open session and change with SET/RESET; "
                                    + "a trailing '*' allows every key with that prefix. Sluice's own session "
                                    + "settings (sluice.result-mode) are always allowed. Everything else that could "
                                    + "redirect jobs or load code (execution.target, pipeline.jars, "
                                    + "pipeline.classpaths, table.catalog-store.*, …) is refused.");

    public static final ConfigOption<Duration> ABANDONED_OPERATION_TIMEOUT =
            ConfigOptions.key("session.abandoned-operation-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(20))
                    .withDescription(
                            "A running statement whose session has not been heard from (no fetch, status or "
                                    + "heartbeat request) for this long is taken as abandoned by a client that died "
                                    + "or disconnected, and is cancelled so that its job frees its slots. Clients "
                                    + "fetch every 100 ms while they wait for rows.");

    public static final ConfigOption<Boolean> ACCEPT_HANDLE_ONLY_REQUESTS =
            ConfigOptions.key("session.accept-handle-only-requests")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Whether a request that names a session may come without credentials, on the strength "
                                    + "of the session handle alone. Off (the default), every request on a session "
                                    + "must carry an Authorization header of the user who opened it, so a leaked "
                                    + "handle is of no use to anyone else; the SQL client and REST clients that "
                                    + "send the header always work. Flink's JDBC driver sends credentials only "
                                    + "when it connects: JDBC clients need this on, or FLINK_REST_CLIENT_HEADERS "
                                    + "set to their Authorization header. Either way a request with another "
                                    + "user's credentials is refused.");

    public static final ConfigOption<Integer> STATEMENT_MAX_LENGTH =
            ConfigOptions.key("statement.max-length")
                    .intType()
                    .defaultValue(1024 * 1024)
                    .withDescription(
                            "Most characters one statement (or script) may have; a longer one is refused before it "
                                    + "is parsed, so that no request can occupy the parser for long.");

    public static final ConfigOption<Integer> STATEMENT_MAX_NESTING =
            ConfigOptions.key("statement.max-nesting")
                    .intType()
                    .defaultValue(200)
                    .withDescription(
                            "Deepest nesting of parentheses and brackets a statement may have; a deeper one is "
                                    + "refused before it is parsed (the SQL parser's recursion grows with nesting).");
    public static final ConfigOption<Duration> FUNCTION_JOB_RECONCILE_INTERVAL =
            ConfigOptions.key("function.job-reconcile-interval")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "How often the gateway clears catalog-service's records of jobs that used a project "
                                    + "function version and have ended (the JobManager reports them finished, "
                                    + "cancelled or failed, or does not know them): until then such a version cannot "
                                    + "be deleted. Records kept by any gateway are cleared, also after a restart. "
                                    + "0 turns the clearing off.");

    public static final ConfigOption<Duration> CANCEL_START_WAIT =
            ConfigOptions.key("job.cancel-start-wait")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(15))
                    .withDescription(
                            "A query that is cancelled or closed (by its client, for a silent client, with its "
                                    + "session, or by STOP JOB) while its job is still starting has its job "
                                    + "cancelled only once every task of it runs, at most this long after the "
                                    + "request: Flink 2.2.1 kills the TaskManager when a query's collect sink is "
                                    + "torn down before it opened (FLINK-39330). Read from the JobManager's REST "
                                    + "API; 0 cancels at once.");

    public static final ConfigOption<String> SAVEPOINT_DIR =
            ConfigOptions.key("job.savepoint-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Root folder of the projects' savepoints, a URI the cluster can write (e.g. "
                                    + "file:///var/sluice/savepoints, s3://bucket/savepoints). Each session's "
                                    + "execution.checkpointing.savepoint-dir is <root>/<project>, a key tenants "
                                    + "cannot set, so STOP JOB ... WITH SAVEPOINT writes into the project's folder, "
                                    + "and a session may resume a statement (SET 'execution.state-recovery.path') "
                                    + "only from a savepoint folder directly inside its own project's folder. Unset "
                                    + "(or blank): STOP JOB ... WITH SAVEPOINT and resuming are refused, rather than "
                                    + "writing to the cluster's default folder. Must be on a case-sensitive file "
                                    + "system (project names differ by case).");

    public static final ConfigOption<Duration> QUOTA_CACHE_TTL =
            ConfigOptions.key("cache.quota-ttl")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "How long a project's quota (GET /api/v1/projects/{project}/quota) is reused while the "
                                    + "change feed is silent; a quota change in catalog-service reaches the gateway "
                                    + "within one change-feed poll.");

    public static final ConfigOption<Duration> ADMISSION_MAX_WAIT =
            ConfigOptions.key("admission.max-wait")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(2))
                    .withDescription(
                            "How long a statement that starts a job may wait at the gateway for free task slots "
                                    + "(in a queue per project, served in turn); a statement that cannot start in "
                                    + "this time is refused with a message that the cluster is busy, instead of a "
                                    + "job that waits and dies inside the cluster.");

    public static final ConfigOption<Duration> ADMISSION_POLL_INTERVAL =
            ConfigOptions.key("admission.cluster-poll-interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(200))
                    .withDescription(
                            "How often the JobManager's REST API (slots, jobs) is read while statements wait for "
                                    + "slots; also the longest a reading is reused to admit a statement.");

    public static final ConfigOption<CacheKind> DIM_CACHE =
            ConfigOptions.key("dim.cache")
                    .enumType(CacheKind.class)
                    .defaultValue(CacheKind.LRU)
                    .withDescription(
                            "How lookup joins on catalog tables of Redis, MySQL and PostgreSQL data sources keep "
                                    + "looked-up rows in memory: LRU (the dim.cache-size most recently used keys, "
                                    + "each read again after dim.cache-ttl), ALL (the whole table, reloaded every "
                                    + "dim.cache-ttl) or NONE (every lookup reads the data source).");

    public static final ConfigOption<Long> DIM_CACHE_SIZE =
            ConfigOptions.key("dim.cache-size")
                    .longType()
                    .defaultValue(10_000L)
                    .withDescription("Most keys an LRU cache of a lookup join keeps, per parallel task.");

    public static final ConfigOption<Duration> DIM_CACHE_TTL =
            ConfigOptions.key("dim.cache-ttl")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "LRU: how long a cached key is used before it is read again; ALL: how often the whole "
                                    + "table is reloaded. Bounds how stale a joined row may be.");

    /**
     * A session setting, not one of the endpoint's (its key is used as it stands, without {@link #PREFIX}): clients
     * send it as a session property or with {@code SET}; the gateway's config may set it for every session.
     */
    public static final ConfigOption<ResultMode> RESULT_MODE =
            ConfigOptions.key("sluice.result-mode")
                    .enumType(ResultMode.class)
                    .defaultValue(ResultMode.STREAMING)
                    .withDescription(
                            "How a session's queries (not INSERT jobs) return rows. 'streaming': as a streaming job, "
                                    + "a topic is read on and an aggregate's rows are updated as rows arrive. "
                                    + "'snapshot': as a batch job over what the tables hold when the query starts "
                                    + "(Kafka topics end at their latest offsets unless an OPTIONS hint says "
                                    + "otherwise), so the query ends and an aggregate returns its final rows; a "
                                    + "table that cannot be read to an end is refused naming it.");

    private SluiceGatewayOptions() {}
}
