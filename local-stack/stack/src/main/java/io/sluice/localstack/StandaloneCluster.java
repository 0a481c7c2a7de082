package io.sluice.localstack;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A Flink standalone session cluster of separate processes, as a platform team runs one: a JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}), each a JVM of its own on
 * the lib/ of {@link Artifacts#flinkClusterClasspath()}, configured by a {@code config.yaml} in {@link #home}. Every
 * port listens on loopback only: the JobManager's REST API lists and cancels every project's jobs with no login, so
 * only the gateway's host may reach it. Checkpoints and savepoints go to folders under {@link #home}.
 *
 * <p>TaskManager {@code i} has the resource id {@code taskmanager-i}, so that a test can tell where a job's tasks run
 * and which process to kill.
 */
public final class StandaloneCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** The cluster's folder: its config, logs, checkpoints and its own savepoint folder. */
    public final Path home;
    public final Path checkpoints;
    /** Where savepoints go that name no folder of their own (the gateway gives each project one). */
    public final Path savepoints;
    public final URI restUrl;
    public final int slotsPerTaskManager;

    private final String classpath;
    private final Path configDir;
    private final ChildJvm jobManager;
    private final List<ChildJvm> taskManagers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StandaloneCluster(Path home, int taskManagerCount, int slotsPerTaskManager) throws IOException {
        this.home = home;
        this.slotsPerTaskManager = slotsPerTaskManager;
        this.classpath = Artifacts.flinkClusterClasspath();
        this.checkpoints = Files.createDirectories(home.resolve("checkpoints"));
        this.savepoints = Files.createDirectories(home.resolve("savepoints"));
        this.configDir = Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("log"));
        int restPort = LocalStack.freePort();
        this.restUrl = URI.create("http://127.0.0.1:" + restPort);
        writeConfig(restPort, LocalStack.freePort());
        this.jobManager = ChildJvm.start("jobmanager", command("jobmanager", JobManagerMemory.JVM, JOB_MANAGER_MAIN, List.of()), Map.of());
        for (int i = 0; i < taskManagerCount; i++) {
            taskManagers.add(startTaskManagerProcess(i));
        }
    }

    /** Starts the cluster in {@code home} and waits until every TaskManager has registered. */
    public static StandaloneCluster start(Path home, int taskManagers, int slotsPerTaskManager) throws IOException {
        StandaloneCluster cluster = new StandaloneCluster(home, taskManagers, slotsPerTaskManager);
        try {
            cluster.awaitTaskManagers(taskManagers, START_TIMEOUT);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The JobManager's memory: what Flink's start script would compute, fixed here, small enough for a laptop. */
    private static final class JobManagerMemory {
        static final List<String> JVM = List.of("-Xmx448m", "-Xms448m", "-XX:MaxDirectMemorySize=128m", "-XX:MaxMetaspaceSize=256m");
    }

    /**
     * A TaskManager's resources, as the fine-grained options Flink's start script passes (a TaskManager started
     * without the script refuses to start without them): the JVM's limits below follow from them (heap = framework +
     * task heap; direct = framework + task off-heap + network).
     */
    private static final class TaskManagerMemory {
        static final Map<String, String> OPTIONS = options(
                "taskmanager.cpu.cores", "1.0",
                "taskmanager.memory.framework.heap.size", "128m",
                "taskmanager.memory.task.heap.size", "384m",
                "taskmanager.memory.managed.size", "64m",
                "taskmanager.memory.framework.off-heap.size", "96m",
                "taskmanager.memory.task.off-heap.size", "0m",
                "taskmanager.memory.network.min", "64m",
                "taskmanager.memory.network.max", "64m",
                "taskmanager.memory.jvm-metaspace.size", "256m",
                "taskmanager.memory.jvm-overhead.min", "64m",
                "taskmanager.memory.jvm-overhead.max", "64m");
        static final List<String> JVM = List.of("-Xmx512m", "-Xms512m", "-XX:MaxDirectMemorySize=160m", "-XX:MaxMetaspaceSize=256m");
    }

    private void writeConfig(int restPort, int rpcPort) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("jobmanager.rpc.address", "127.0.0.1");
        config.put("jobmanager.rpc.port", String.valueOf(rpcPort));
        config.put("jobmanager.bind-host", "127.0.0.1");
        config.put("rest.address", "127.0.0.1");
        config.put("rest.bind-address", "127.0.0.1");
        config.put("rest.port", String.valueOf(restPort));
        config.put("blob.server.port", "0");
        config.put("taskmanager.host", "127.0.0.1");
        config.put("taskmanager.bind-host", "127.0.0.1");
        config.put("taskmanager.rpc.port", "0");
        config.put("taskmanager.data.port", "0");
        config.put("taskmanager.numberOfTaskSlots", String.valueOf(slotsPerTaskManager));
        config.putAll(TaskManagerMemory.OPTIONS);
        config.put("jobmanager.memory.heap.size", "448m");
        config.put("jobmanager.memory.off-heap.size", "128m");
        config.put("jobmanager.memory.jvm-metaspace.size", "256m");
        config.put("jobmanager.memory.jvm-overhead.min", "64m");
        config.put("jobmanager.memory.jvm-overhead.max", "64m");
        config.put("parallelism.default", "1");
        config.put("execution.checkpointing.dir", checkpoints.toUri().toString());
        config.put("execution.checkpointing.savepoint-dir", savepoints.toUri().toString());
        // a killed TaskManager is noticed in seconds, not after the default 50 s heartbeat timeout
        config.put("heartbeat.interval", "2000");
        config.put("heartbeat.timeout", "10000");
        // a lost TaskManager's slots are not waited for: the job goes on on those left
        config.put("slot.request.timeout", "30000");
        config.put("web.submit.enable", "false");
        config.put("web.cancel.enable", "false");
        Files.writeString(configDir.resolve("config.yaml"),
                config.entrySet().stream().map(e -> e.getKey() + ": " + quoted(e.getValue())).collect(Collectors.joining("\n", "", "\n")));
        Files.writeString(configDir.resolve("log4j.properties"), String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = ${sys:log.file}",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} - %m%n",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                ""));
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private List<String> command(String name, List<String> jvm, String main, List<String> dynamicOptions) {
        List<String> command = new ArrayList<>(jvm);
        command.add("-Dlog.file=" + home.resolve("log").resolve(name + ".log"));
        command.add("-Dlog4j.configurationFile=" + configDir.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(classpath);
        command.add(main);
        command.add("--configDir");
        command.add(configDir.toString());
        for (String option : dynamicOptions) {
            command.add("-D");
            command.add(option);
        }
        return command;
    }

    private ChildJvm startTaskManagerProcess(int index) throws IOException {
        return ChildJvm.start(taskManagerId(index),
                command(taskManagerId(index), TaskManagerMemory.JVM, TASK_MANAGER_MAIN,
                        List.of("taskmanager.resource-id=" + taskManagerId(index))),
                Map.of());
    }

    /** The resource id TaskManager {@code index} registers with, as the JobManager's REST API reports it. */
    public static String taskManagerId(int index) {
        return "taskmanager-" + index;
    }

    /** The process ids of the JobManager and of the TaskManagers alive now. */
    public List<Long> processIds() {
        List<Long> ids = new ArrayList<>();
        ids.add(jobManager.process().pid());
        taskManagers.stream().filter(tm -> tm.process().isAlive()).forEach(tm -> ids.add(tm.process().pid()));
        return ids;
    }

    public int taskManagerCount() {
        return taskManagers.size();
    }

    /** Kills TaskManager {@code index} at once, as a crash of its machine would. */
    public synchronized void killTaskManager(int index) {
        taskManagers.get(index).kill();
    }

    /** Starts TaskManager {@code index} again after it died, as a supervisor would, and waits until it registered. */
    public synchronized void restartTaskManager(int index) throws IOException {
        if (taskManagers.get(index).process().isAlive()) {
            throw new IllegalStateException(taskManagerId(index) + " is running");
        }
        taskManagers.set(index, startTaskManagerProcess(index));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!registeredTaskManagers().contains(taskManagerId(index))) {
            pause(deadline, taskManagerId(index) + " did not register again");
        }
    }

    /** The ids of the TaskManagers registered with the JobManager now. */
    public Set<String> registeredTaskManagers() {
        Set<String> ids = new TreeSet<>();
        try {
            rest("/taskmanagers").path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
        } catch (IOException e) {
            // not up yet
        }
        return ids;
    }

    /** {@code GET} of the JobManager's REST API, as an operator on the gateway's host would read it. */
    public JsonNode rest(String path) throws IOException {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(restUrl.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(path + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** {@code PATCH /jobs/:id?mode=cancel}, for cleaning up after a test. */
    public void cancel(String jobId) throws IOException {
        try {
            http.send(HttpRequest.newBuilder(restUrl.resolve("/jobs/" + jobId + "?mode=cancel"))
                            .timeout(Duration.ofSeconds(10))
                            .method("PATCH", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void awaitTaskManagers(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (registeredTaskManagers().size() < count) {
            if (!jobManager.process().isAlive()) {
                throw new IllegalStateException("The JobManager ended; its log: " + home.resolve("log/jobmanager.log"));
            }
            for (int i = 0; i < taskManagers.size(); i++) {
                if (!taskManagers.get(i).process().isAlive()) {
                    throw new IllegalStateException(taskManagerId(i) + " ended; its log: "
                            + home.resolve("log").resolve(taskManagerId(i) + ".log"));
                }
            }
            pause(deadline, "Only " + registeredTaskManagers() + " of " + count + " TaskManagers registered; logs in "
                    + home.resolve("log"));
        }
    }

    private static void pause(long deadline, String failure) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(failure);
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(failure, e);
        }
    }

    private static Map<String, String> options(String... keysAndValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            options.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.copyOf(options);
    }

    @Override
    public void close() {
        taskManagers.forEach(ChildJvm::close);
        jobManager.close();
    }
}
