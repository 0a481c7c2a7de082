package io.sluice.localstack;

import org.apache.flink.runtime.minicluster.MiniCluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the MiniCluster at its number of TaskManagers, as a real cluster's resource manager (Kubernetes, YARN) or a
 * supervisor restarting TaskManager processes would: a TaskManager that dies is replaced by a new one, so the stack
 * recovers on its own instead of leaving every later query waiting for slots.
 *
 * <p>Flink 2.2.1 shuts a TaskManager down when one of its tasks fails in its own cleanup, e.g. a job that fails
 * while its collect sink is still opening (FLINK-39330); a MiniCluster never starts another one by itself.
 */
final class TaskManagerWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerWatchdog.class);

    /** How long a new TaskManager may take to register before the count is believed again. */
    private static final Duration REGISTRATION_GRACE = Duration.ofSeconds(10);

    private final MiniCluster cluster;
    private final int wanted;
    private final ScheduledExecutorService timer;
    /** TaskManagers started in all: the MiniCluster numbers them 0, 1, … in this order. */
    private final AtomicInteger started;
    private final AtomicInteger replaced = new AtomicInteger();
    private volatile long lastStartNanos = System.nanoTime();

    TaskManagerWatchdog(MiniCluster cluster, int wanted, Duration checkEvery) {
        this.cluster = cluster;
        this.wanted = wanted;
        this.started = new AtomicInteger(wanted);
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "local-stack-taskmanager-watchdog");
                            thread.setDaemon(true);
                            return thread;
                        });
        timer.scheduleWithFixedDelay(this::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    int started() {
        return started.get();
    }

    int replaced() {
        return replaced.get();
    }

    private void check() {
        try {
            int registered = cluster.getResourceOverview().get(5, TimeUnit.SECONDS).getNumberTaskManagers();
            if (registered >= wanted || System.nanoTime() - lastStartNanos < REGISTRATION_GRACE.toNanos()) {
                return;
            }
            int missing = wanted - registered;
            for (int i = 0; i < missing; i++) {
                cluster.startTaskManager();
                started.incrementAndGet();
                replaced.incrementAndGet();
            }
            lastStartNanos = System.nanoTime();
            LOG.warn(
                    "Only {} of {} TaskManagers are registered: started {} new one(s), {} replaced since the stack "
                            + "started (a TaskManager that failed logs why as 'TaskManager #n failed')",
                    registered, wanted, missing, replaced.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (cluster.isRunning()) {
                LOG.warn("Could not check or replace the TaskManagers: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
