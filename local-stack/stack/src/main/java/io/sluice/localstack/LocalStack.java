package io.sluice.localstack;

import io.sluice.udf.sandbox.FunctionSandbox;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.table.gateway.SqlGateway;
import org.apache.flink.table.gateway.service.context.DefaultContext;
import org.apache.flink.table.gateway.service.session.SessionManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The whole Sluice stack on one machine: a Kafka broker and catalog-service (H2, demo tenant) in child JVMs, and
 * in this JVM a SQL gateway with two endpoints on the same sessions: {@code sluice} (governed, needs
 * gateway-extensions on the classpath) and Flink's plain {@code rest}, for comparison. Jobs run on a Flink
 * MiniCluster in this JVM, whose TaskManager is replaced when it dies ({@link TaskManagerWatchdog}), or on a
 * {@link StandaloneCluster} of separate JVMs ({@link Settings#onStandaloneCluster()}), to which the gateway talks
 * as a production gateway does ({@code execution.target: remote}). The gateway's tests, the benchmarks and the
 * local-stack launcher all run on it.
 */
public class LocalStack implements AutoCloseable {

    public static final String ALICE = "alice";
    public static final String ALICE_PASSWORD = "alice-password";
    public static final String BOB = "bob";
    public static final String BOB_PASSWORD = "bob-password";
    public static final String DANA = "dana";
    public static final String DANA_PASSWORD = "dana-password";

    /**
     * How to start the stack. Ports 0 pick free ones; a negative {@code vanillaPort} starts no plain Flink endpoint.
     *
     * @param slots task slots of the MiniCluster
     * @param catalogTtl how stale a session's view of catalog-service may be when the change feed is silent
     * @param changePollInterval how often the gateway reads catalog-service's change feed
     * @param abandonedAfter how long a silent client's unfinished statements live
     * @param standaloneCluster jobs run on a {@link StandaloneCluster} of separate JVMs ({@link
     *     #STANDALONE_TASK_MANAGERS} TaskManagers of {@code slots} slots each) instead of a MiniCluster in this JVM
     */
    public record Settings(
            int slots,
            Duration catalogTtl,
            Duration changePollInterval,
            Duration abandonedAfter,
            int sluicePort,
            int vanillaPort,
            int catalogServicePort,
            int kafkaPort,
            boolean standaloneCluster) {

        /** On a MiniCluster. */
        public Settings(
                int slots,
                Duration catalogTtl,
                Duration changePollInterval,
                Duration abandonedAfter,
                int sluicePort,
                int vanillaPort,
                int catalogServicePort,
                int kafkaPort) {
            this(slots, catalogTtl, changePollInterval, abandonedAfter, sluicePort, vanillaPort, catalogServicePort,
                    kafkaPort, false);
        }

        /** The same, with jobs on a standalone cluster of separate JVMs. */
        public Settings onStandaloneCluster() {
            return new Settings(slots, catalogTtl, changePollInterval, abandonedAfter, sluicePort, vanillaPort,
                    catalogServicePort, kafkaPort, true);
        }

        /** The gateway's own defaults, on free ports. */
        public static Settings defaults() {
            return new Settings(4, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(20), 0, 0, 0, 0);
        }
    }

    /** TaskManager processes of a standalone cluster: two, so that one can die while the job goes on on the other. */
    public static final int STANDALONE_TASK_MANAGERS = 2;

    /**
     * How often jobs on a standalone cluster checkpoint, as the platform's gateway config sets it for every session:
     * what a TaskManager's death costs is what came in since the last checkpoint.
     */
    public static final Duration STANDALONE_CHECKPOINT_INTERVAL = Duration.ofSeconds(2);

    /** What the sluice endpoint's settings start with in a gateway's config. */
    public static final String SLUICE = "sql-gateway.endpoint.sluice.";

    public final Settings settings;
    public final String kafkaBootstrapServers;
    public final URI catalogServiceUrl;
    public final int sluicePort;
    public final int vanillaPort;
    /** The MiniCluster jobs run on, or null on a {@link #standaloneCluster}. */
    public final MiniCluster miniCluster;
    /** The standalone cluster jobs run on, or null on a {@link #miniCluster}. */
    public final StandaloneCluster standaloneCluster;

    private final java.util.Set<String> published = new java.util.HashSet<>();
    private final ChildJvm kafka;
    /** How catalog-service is started: again the same way, on the same port and database, after {@link #stopCatalogService}. */
    private final List<String> catalogServiceCommand;
    /** catalog-service's H2 database, as it opens it. */
    private final String catalogDatabaseUrl;
    private ChildJvm catalogService;
    private final SqlGateway gateway;
    private final URI clusterRest;
    private final Path tokenFile;
    /** The stack's own folder: data, the gateway's token, savepoints. */
    private final Path work;
    /** Further options of the stack's own sluice endpoint, keys without its prefix. */
    private final Map<String, String> endpointOptions;
    private final TaskManagerWatchdog taskManagers;

    /** A stack whose data lives only as long as it runs, as tests and benchmarks want. */
    public LocalStack(Settings settings) throws Exception {
        this(settings, null);
    }

    /**
     * @param dataDir where catalog-service's H2 database, its secrets key, the gateway's token and Kafka's log are
     *     kept across restarts; null for a throwaway stack
     */
    public LocalStack(Settings settings, Path dataDir) throws Exception {
        this(settings, dataDir, Map.of());
    }

    /**
     * @param endpointOptions further options of the {@code sluice} endpoint, keys without its prefix (e.g.
     *     {@code admission.max-wait})
     */
    public LocalStack(Settings settings, Path dataDir, Map<String, String> endpointOptions) throws Exception {
        this.endpointOptions = Map.copyOf(endpointOptions);
        this.settings = settings;
        Path work = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("sluice-local-stack-");
        this.work = work;

        kafka =
                ChildJvm.start(
                        "kafka",
                        List.of("-Xmx384m", "-cp", Artifacts.kafkaBrokerClasspath(),
                                "io.sluice.localstack.kafka.KafkaBrokerMain", String.valueOf(settings.kafkaPort()),
                                work.resolve("kafka").toString()),
                        Map.of());
        kafkaBootstrapServers =
                kafka.awaitLine(l -> l.startsWith("KAFKA READY "), Duration.ofSeconds(60)).substring("KAFKA READY ".length());

        int catalogPort = portOrFree(settings.catalogServicePort());
        Path tokenFile = work.resolve("gateway.token");
        // a copy, so that catalog-service starts again as the same build even when the local repository's jar changed
        Path catalogServiceJar =
                Files.copy(
                        Path.of(Artifacts.jarOnClasspath("catalog-service-", "-exec.jar")), work.resolve("catalog-service.jar"),
                        StandardCopyOption.REPLACE_EXISTING);
        // a file even for a throwaway stack, so that catalog-service can be stopped and started again on its data;
        // every commit written at once, so that a change made just before a stop (or a crash) is there after it
        String database = "jdbc:h2:file:" + work.resolve("catalog").toAbsolutePath() + ";WRITE_DELAY=0";
        catalogDatabaseUrl = database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        catalogServiceCommand =
                List.of(
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar", catalogServiceJar.toString(),
                        "--server.port=" + catalogPort,
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + catalogDatabaseUrl,
                        "--sluice.secrets.key=" + secretsKey(work),
                        "--sluice.bootstrap.admin-password=admin-password",
                        "--sluice.demo.enabled=true",
                        "--sluice.demo.kafka-bootstrap-servers=" + kafkaBootstrapServers,
                        "--sluice.demo.gateway-token-file=" + tokenFile,
                        // catalog-service runs from its packaged jar: tell it where the Flink to check functions on is
                        "--sluice.functions.sandbox-classpath=" + FunctionSandbox.classpathOfThisBuild().stream()
                                .map(Path::toString).collect(Collectors.joining(",")));
        catalogService = startCatalogService(catalogServiceCommand);
        catalogServiceUrl = URI.create("http://127.0.0.1:" + catalogPort);

        if (settings.standaloneCluster()) {
            miniCluster = null;
            taskManagers = null;
            standaloneCluster = StandaloneCluster.start(work.resolve("flink"), STANDALONE_TASK_MANAGERS, settings.slots());
            clusterRest = standaloneCluster.restUrl;
        } else {
            standaloneCluster = null;
            miniCluster = startMiniCluster(settings.slots());
            taskManagers = new TaskManagerWatchdog(miniCluster, 1, Duration.ofSeconds(1));
            clusterRest = miniCluster.getRestAddress().get();
        }

        this.tokenFile = tokenFile;
        sluicePort = portOrFree(settings.sluicePort());
        vanillaPort = settings.vanillaPort() < 0 ? -1 : portOrFree(settings.vanillaPort());
        Configuration gatewayConfig = gatewayConfig(sluicePort);
        if (vanillaPort >= 0) {
            gatewayConfig.setString("sql-gateway.endpoint.type", "sluice;rest");
            gatewayConfig.setString("sql-gateway.endpoint.rest.address", "127.0.0.1");
            gatewayConfig.setString("sql-gateway.endpoint.rest.port", String.valueOf(vanillaPort));
        }
        gateway = startGateway(gatewayConfig);
    }

    private static MiniCluster startMiniCluster(int slots) throws Exception {
        Configuration clusterConfig = new Configuration();
        // The JobManager's REST API lists every project's jobs with their SQL and cancels any of them, with no
        // login: only the gateway (in this JVM) may reach it, so it listens on loopback, on a port of its own choice
        // that nothing prints. Without a bind address Flink listens on every interface, and so would the blob
        // server (job artifacts) and the TaskManager's data port without their bind hosts.
        clusterConfig.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        clusterConfig.set(RestOptions.BIND_PORT, "0");
        clusterConfig.set(RestOptions.ADDRESS, "127.0.0.1");
        clusterConfig.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
        clusterConfig.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
        clusterConfig.set(TaskManagerOptions.HOST, "127.0.0.1");
        MiniCluster miniCluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(clusterConfig)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(slots)
                                .build());
        miniCluster.start();
        return miniCluster;
    }

    private static ChildJvm startCatalogService(List<String> command) throws IOException {
        ChildJvm started = ChildJvm.start("catalog-service", command, Map.of());
        started.awaitLine(
                l -> l.contains("Demo tenant seeded") || l.contains("Demo tenant already present"), Duration.ofSeconds(120));
        return started;
    }

    /** Stops catalog-service, as an outage would; its database stays for {@link #restartCatalogService}. */
    public synchronized void stopCatalogService() {
        catalogService.close();
    }

    /** Starts catalog-service again after {@link #stopCatalogService}, on the same port and database. */
    public synchronized void restartCatalogService() throws IOException {
        if (catalogService.process().isAlive()) {
            throw new IllegalStateException("catalog-service is running: stop it first");
        }
        catalogService = startCatalogService(catalogServiceCommand);
    }

    /**
     * catalog-service's H2 database (user {@code sa}, no password), for tests that write to it around the service,
     * as someone with access to the database or an older version would. H2 lets one process at a time open it:
     * only while catalog-service is stopped ({@link #stopCatalogService}).
     */
    public String catalogDatabaseUrl() {
        return catalogDatabaseUrl;
    }

    /** Watches catalog-service's log (see {@link ChildJvm#watch}); a restart of catalog-service ends the watch. */
    public synchronized CompletableFuture<String> watchCatalogServiceLog(Predicate<String> matches) {
        return catalogService.watch(matches);
    }

    /** The REST API of the cluster jobs run on: loopback only, for the gateway (and tests on its host). */
    public URI clusterRestUrl() {
        return clusterRest;
    }

    /** The config of a gateway with a sluice endpoint on this stack's cluster and catalog-service. */
    private Configuration gatewayConfig(int port) {
        Configuration gatewayConfig = new Configuration();
        gatewayConfig.setString("execution.target", "remote");
        gatewayConfig.setString("rest.address", clusterRest.getHost());
        gatewayConfig.setString("rest.port", String.valueOf(clusterRest.getPort()));
        if (standaloneCluster != null) {
            gatewayConfig.setString("execution.checkpointing.interval", STANDALONE_CHECKPOINT_INTERVAL.toMillis() + " ms");
        }
        gatewayConfig.setString("sql-gateway.endpoint.type", "sluice");
        gatewayConfig.setString(SLUICE + "address", "127.0.0.1");
        gatewayConfig.setString(SLUICE + "port", String.valueOf(port));
        gatewayConfig.setString(SLUICE + "catalog-service.url", catalogServiceUrl.toString());
        gatewayConfig.setString(SLUICE + "catalog-service.token-file", tokenFile.toString());
        gatewayConfig.setString(
                SLUICE + "session.abandoned-operation-timeout", settings.abandonedAfter().toMillis() + " ms");
        gatewayConfig.setString(SLUICE + "cache.catalog-ttl", settings.catalogTtl().toMillis() + " ms");
        gatewayConfig.setString(
                SLUICE + "cache.change-poll-interval", settings.changePollInterval().toMillis() + " ms");
        // one folder per project below it: STOP JOB … WITH SAVEPOINT writes there, statements resume from there
        gatewayConfig.setString(SLUICE + "job.savepoint-dir", work.resolve("savepoints").toAbsolutePath().toUri().toString());
        endpointOptions.forEach((key, value) -> gatewayConfig.setString(SLUICE + key, value));
        // Flink's JDBC driver sends credentials only when it connects, and the local stack is for JDBC clients
        // (the launcher's demo, the tests, the benchmark): without this, each of its later requests is refused.
        gatewayConfig.setString(SLUICE + "session.accept-handle-only-requests", "true");
        return gatewayConfig;
    }

    private static SqlGateway startGateway(Configuration gatewayConfig) throws Exception {
        SqlGateway started =
                new SqlGateway(gatewayConfig, SessionManager.create(new DefaultContext(gatewayConfig, List.of())));
        started.start();
        return started;
    }

    /** A gateway started next to the stack's own by {@link #startSluiceGateway}; stops when closed. */
    public record ExtraGateway(int port, SqlGateway gateway) implements AutoCloseable {

        public URI restUrl() {
            return URI.create("http://127.0.0.1:" + port);
        }

        public String jdbcUrl() {
            return "jdbc:flink://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            gateway.stop();
        }
    }

    /**
     * Starts another gateway with only a sluice endpoint, on a free port, on this stack's cluster and
     * catalog-service, configured like the stack's own but for {@code config} (gateway config keys, e.g.
     * {@link #SLUICE}{@code + "cache.login-ttl"}): for tests of settings the shared gateway does not have.
     */
    public ExtraGateway startSluiceGateway(Map<String, String> config) throws Exception {
        int port = freePort();
        Configuration gatewayConfig = gatewayConfig(port);
        config.forEach(gatewayConfig::setString);
        return new ExtraGateway(port, startGateway(gatewayConfig));
    }

    /** TaskManagers started since the stack started, the first one included; the MiniCluster numbers them from 0. */
    public int taskManagersStarted() {
        return taskManagers == null ? 0 : taskManagers.started();
    }

    /** TaskManagers started to replace one that died. */
    public int taskManagersReplaced() {
        return taskManagers == null ? 0 : taskManagers.replaced();
    }

    public String jdbcUrl() {
        return "jdbc:flink://127.0.0.1:" + sluicePort;
    }

    public String vanillaJdbcUrl() {
        return "jdbc:flink://127.0.0.1:" + vanillaPort;
    }

    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + sluicePort);
    }

    /** The key that seals catalog-service's secrets: made once per data directory, since the database outlives a run. */
    private static String secretsKey(Path work) throws java.io.IOException {
        Path file = work.resolve("secrets.key");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        }
        return Files.readString(file).strip();
    }

    /** Writes JSON records to a topic, as an application feeding it would. */
    public void produce(String topic, List<String> jsonRecords) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String record : jsonRecords) {
                producer.send(new ProducerRecord<>(topic, record));
            }
            producer.flush();
        }
    }

    /** How many records a topic holds now (0 for a topic that does not exist). */
    public long recordCount(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            return partitions.stream().mapToLong(p -> ends.get(p) - starts.get(p)).sum();
        }
    }

    /** Reads a topic from its start until {@code count} records came or the timeout passed. */
    public List<String> consume(String topic, int count, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (records.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.value());
                }
            }
        }
        return records;
    }

    /** Calls catalog-service as a user, e.g. to design and publish a table; returns the body, fails on non-2xx. */
    public String catalogService(String method, String path, String user, String password, String jsonBody) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(catalogServiceUrl.resolve(path))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                        .header("Content-Type", "application/json")
                        .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Designs a topic table like {@code orders} as alice and has dana publish it to test, as the publish workflow
     * does; the topic is created on the broker on approval.
     */
    public void publishOrdersLikeTopic(String name) {
        publishOrdersLikeTopic(name, null);
    }

    /** As {@link #publishOrdersLikeTopic(String)}, with an event time ({@code {"column":"order_time",…}}) or null. */
    public void publishOrdersLikeTopic(String name, String watermarkJson) {
        publishOrdersLikeTopicOn("demo_kafka", name, watermarkJson);
    }

    /** As {@link #publishOrdersLikeTopic(String)}, on a Kafka data source of its own (managed, serving test). */
    public void publishOrdersLikeTopicOn(String dataSource, String name) {
        publishOrdersLikeTopicOn(dataSource, name, null);
    }

    private void publishOrdersLikeTopicOn(String dataSource, String name, String watermarkJson) {
        publishTopicOn(
                dataSource,
                name,
                "append",
                "[{\"name\":\"order_id\",\"type\":\"BIGINT\",\"comment\":\"order number\"},"
                        + "{\"name\":\"customer\",\"type\":\"STRING\",\"comment\":\"customer name\"},"
                        + "{\"name\":\"amount\",\"type\":\"DECIMAL(10, 2)\",\"comment\":\"order total\"},"
                        + "{\"name\":\"order_time\",\"type\":\"TIMESTAMP(3)\",\"comment\":\"when\"}]",
                "[]",
                watermarkJson);
    }

    /**
     * Designs a JSON topic table in project demo as alice and has dana publish it to test on {@code demo_kafka};
     * does nothing when this stack published it before.
     *
     * @param topicKind append or upsert
     * @param columnsJson the columns as catalog-service takes them: {@code [{"name":…,"type":…,"comment":…}]}
     * @param primaryKeyJson the primary key's column names as a JSON array
     */
    public void publishTopic(String name, String topicKind, String columnsJson, String primaryKeyJson) {
        publishTopic(name, topicKind, columnsJson, primaryKeyJson, null);
    }

    /**
     * As {@link #publishTopic(String, String, String, String)}, with an event time as catalog-service takes it:
     * {@code {"column":…,"delayMs":…}}, or null.
     */
    public void publishTopic(
            String name, String topicKind, String columnsJson, String primaryKeyJson, String watermarkJson) {
        publishTopicOn("demo_kafka", name, topicKind, columnsJson, primaryKeyJson, watermarkJson);
    }

    private void publishTopicOn(
            String dataSource, String name, String topicKind, String columnsJson, String primaryKeyJson,
            String watermarkJson) {
        designAndPublish(
                name,
                dataSource,
                "\"type\":\"topic\",\"format\":\"json\",\"partitions\":1,\"retentionHours\":24,\"topicKind\":\""
                        + topicKind + "\",\"description\":\"written by a test\""
                        + (watermarkJson == null ? "" : ",\"watermark\":" + watermarkJson),
                columnsJson,
                primaryKeyJson);
    }

    /**
     * Registers a data source of a database on this machine, in test only, as dana (data admin) does.
     *
     * @param kind postgresql, mysql, redis, …
     * @param secretsJson the connection's secrets as catalog-service takes them ({@code {"password":…}}), or {@code {}}
     */
    public void registerDataSource(String name, String kind, String url, String user, String secretsJson) {
        catalogService(
                "POST", "/api/v1/datasources", DANA, DANA_PASSWORD,
                "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"managementMode\":\"registered\","
                        + "\"environmentScope\":\"test\",\"description\":\"the machine's database\","
                        + "\"connections\":{\"test\":{\"properties\":{\"url\":\"" + url + "\",\"username\":\""
                        + user + "\"},\"secrets\":" + secretsJson + "}}}");
    }

    /**
     * Designs a database table in project demo as alice and has dana publish it to test on a data source; does
     * nothing when this stack published it before.
     */
    public void publishTable(String name, String dataSource, String columnsJson, String primaryKeyJson) {
        publishTable(name, dataSource, columnsJson, primaryKeyJson, null);
    }

    /** As {@link #publishTable(String, String, String, String)}, with a format ({@code json} or {@code hash} for Redis). */
    public void publishTable(String name, String dataSource, String columnsJson, String primaryKeyJson, String format) {
        designAndPublish(
                name,
                dataSource,
                (format == null ? "" : "\"format\":\"" + format + "\",")
                        + "\"type\":\"table\",\"description\":\"registered by a test\"",
                columnsJson,
                primaryKeyJson);
    }

    /** Designs a table of project demo as alice, with the given settings, and publishes it to test; once per stack. */
    private synchronized void designAndPublish(
            String name, String dataSource, String settingsJson, String columnsJson, String primaryKeyJson) {
        if (!published.add(name)) {
            return;
        }
        catalogService(
                "POST", "/api/v1/tables", ALICE, ALICE_PASSWORD,
                "{\"name\":\"" + name + "\",\"displayName\":\"" + name + "\",\"ownerProject\":\"demo\","
                        + settingsJson + ",\"columns\":" + columnsJson + ",\"primaryKey\":" + primaryKeyJson + "}");
        publishToTest(name, dataSource);
    }

    /** Has alice ask to publish a table of project demo to test on {@code dataSource} and dana approve it. */
    public void publishToTest(String table, String dataSource) {
        String request =
                catalogService(
                        "POST", "/api/v1/tables/" + table + "/publish-requests", ALICE, ALICE_PASSWORD,
                        "{\"environment\":\"test\",\"dataSource\":\"" + dataSource + "\",\"comment\":\"test\"}");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(request);
        if (!id.find()) {
            throw new IllegalStateException("No id in the publish request: " + request);
        }
        catalogService(
                "POST", "/api/v1/publish-requests/" + id.group(1) + "/approve", DANA, DANA_PASSWORD,
                "{\"comment\":\"ok\"}");
        try {
            // open sessions see the new table once the gateway has read the change feed
            Thread.sleep(2 * settings.changePollInterval().toMillis() + 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A bearer token for the user, issued by catalog-service as a user would ask for one. */
    public String issueToken(String user, String password) {
        String issued = catalogService("POST", "/api/v1/tokens", user, password, "{\"name\":\"test\"}");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(issued);
        if (!token.find()) {
            throw new IllegalStateException("No token in " + issued);
        }
        return token.group(1);
    }

    @Override
    public void close() {
        if (taskManagers != null) {
            taskManagers.close();
        }
        try {
            gateway.stop();
        } catch (RuntimeException ignored) {
            // the JVM is going down anyway
        }
        try {
            if (miniCluster != null) {
                miniCluster.close();
            } else {
                standaloneCluster.close();
            }
        } catch (Exception ignored) {
            // the JVM is going down anyway
        }
        catalogService.close();
        kafka.close();
    }

    private static int portOrFree(int port) throws IOException {
        return port > 0 ? port : freePort();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
