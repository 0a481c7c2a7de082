package io.sluice.gateway.admission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The slots held on the cluster, as its latest reading shows them, and the claims of admitted statements whose jobs
 * the reading cannot account for yet (not submitted, or initializing). Not thread-safe: {@link Admission} uses it
 * under its lock.
 */
final class SlotLedger {

    /** A started statement whose job the cluster has not shown for this long is taken as having started none. */
    private static final long FORGET_STARTED_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** An admitted statement's slots, from admission until a reading accounts for its job. */
    static final class Claim {
        final String project;
        final int slots;
        boolean started;
        long startedAtNanos;

        private Claim(String project, int slots) {
            this.project = project;
            this.slots = slots;
        }
    }

    private final List<Claim> claims = new ArrayList<>();
    private ClusterSlots.Reading reading;

    ClusterSlots.Reading reading() {
        return reading;
    }

    Claim claim(String project, int slots) {
        Claim claim = new Claim(project, slots);
        claims.add(claim);
        return claim;
    }

    void started(Claim claim) {
        claim.started = true;
        claim.startedAtNanos = System.nanoTime();
    }

    void release(Claim claim) {
        claims.remove(claim);
    }

    /** Slots held by the project: its jobs on the cluster and its claims the cluster cannot account for yet. */
    int held(String project) {
        int onCluster = reading.jobs().stream()
                .filter(job -> project.equals(job.project()))
                .mapToInt(ClusterSlots.Job::slots)
                .sum();
        return onCluster + claims.stream().filter(c -> c.project.equals(project)).mapToInt(c -> c.slots).sum();
    }

    /**
     * Free slots: the cluster's total less what its jobs and the open claims need, and never more than it reports
     * available less the open claims (a job that just ended may not have given its slots back yet).
     */
    int free() {
        int claimed = claims.stream().mapToInt(c -> c.slots).sum();
        int jobs = reading.jobs().stream().mapToInt(ClusterSlots.Job::slots).sum();
        return Math.min(reading.totalSlots() - jobs, reading.availableSlots()) - claimed;
    }

    /**
     * Takes a newer reading and drops the claims it accounts for. A started claim stands for its job only while the
     * job initializes (its slots unknown): of a project's started claims, as many stay as the reading shows that
     * project's jobs initializing, the latest ones; the others' jobs are counted by the cluster (or have ended).
     */
    void apply(ClusterSlots.Reading newer) {
        if (reading != null && newer.takenAtNanos() - reading.takenAtNanos() <= 0) {
            return;
        }
        reading = newer;
        Map<String, Integer> initializing = new HashMap<>();
        for (ClusterSlots.Job job : newer.jobs()) {
            if (job.slots() == 0 && job.project() != null) {
                initializing.merge(job.project(), 1, Integer::sum);
            }
        }
        List<Claim> accountable = claims.stream()
                .filter(c -> c.started && c.startedAtNanos - newer.takenAtNanos() < 0)
                .sorted(Comparator.comparingLong((Claim c) -> c.startedAtNanos).reversed())
                .toList();
        for (Claim claim : accountable) {
            int stillInitializing = initializing.getOrDefault(claim.project, 0);
            if (stillInitializing > 0 && System.nanoTime() - claim.startedAtNanos < FORGET_STARTED_AFTER_NANOS) {
                initializing.put(claim.project, stillInitializing - 1);
            } else {
                claims.remove(claim);
            }
        }
    }
}
