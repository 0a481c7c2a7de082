package io.sluice.gateway.admission;

import io.sluice.contract.PrincipalView;
import io.sluice.contract.QuotaView;
import io.sluice.gateway.errors.ClientError;

import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.operations.Operation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Lets a statement start its job only within its project's quota and when the cluster has the slots for it. Above
 * a quota the statement is refused at once, naming the quota. Without free slots it waits in its project's queue;
 * projects take turns (round robin), so one project's burst does not starve another, and no statement overtakes
 * the one whose turn it is; one that cannot start within the longest wait is refused as "busy" with its wait. So a
 * job never waits for slots inside the cluster, where Flink would fail it after minutes.
 *
 * <p>Slots are what the cluster reports ({@link ClusterSlots}) plus the statements admitted since whose jobs the
 * cluster cannot account for yet (not submitted, or initializing).
 */
public final class Admission implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

    /** A statement's claim on slots, from admission until the cluster accounts for its job. */
    public interface Ticket extends AutoCloseable {

        /** The statement's job has been submitted to the cluster (call it after the submission returned). */
        void started();

        /** Ends the claim; a ticket closed before {@link #started()} frees its slots for the next statement. */
        @Override
        void close();
    }

    /** Admission of one principal's statements, as the statement's executor calls it. */
    @FunctionalInterface
    public interface ForPrincipal {

        /** As {@link Admission#admit}; {@link #NONE} admits everything. */
        Ticket admit(List<Operation> operations, boolean inStatementSet, ReadableConfig config);

        ForPrincipal NONE = (operations, inStatementSet, config) -> NO_JOB;
    }

    /** The ticket of a statement that starts no job. */
    public static final Ticket NO_JOB =
            new Ticket() {
                @Override
                public void started() {}

                @Override
                public void close() {}
            };

    private final ClusterSlots cluster;
    private final QuotaBook quotas;
    private final long maxWaitNanos;
    private final long pollNanos;

    private final Object lock = new Object();
    private final Map<String, ArrayDeque<Waiter>> queues = new HashMap<>();
    /** Projects with waiting statements, in the order they get their turn. */
    private final ArrayDeque<String> turns = new ArrayDeque<>();
    private final SlotLedger ledger = new SlotLedger();
    private final Object readingLock = new Object();
    private final Thread dispatcher;
    private volatile boolean closed;

    public Admission(ClusterSlots cluster, QuotaBook quotas, Duration maxWait, Duration pollInterval) {
        this.cluster = cluster;
        this.quotas = quotas;
        this.maxWaitNanos = maxWait.toNanos();
        this.pollNanos = pollInterval.toNanos();
        this.dispatcher = new Thread(this::dispatchWhileWaiting, "sluice-admission");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /**
     * Admits a statement about to run: returns at once for one that starts no job ({@link #NO_JOB}), waits for
     * slots when the cluster is full, and throws the client's refusal when a quota forbids it or the wait ran out.
     * Use as {@code try (Ticket t = admission.admit(…)) { start the job; t.started(); }}.
     *
     * @param operations the statement as parsed
     * @param inStatementSet whether the session is inside {@code BEGIN STATEMENT SET}
     * @param config the statement's effective configuration (session and statement settings)
     */
    public Ticket admit(PrincipalView principal, List<Operation> operations, boolean inStatementSet, ReadableConfig config) {
        if (!JobStatements.startsJob(operations, inStatementSet)) {
            return NO_JOB;
        }
        if (principal.project() == null) {
            throw ClientError.denied(
                            principal.user() + " works for no project, so no job may start for it: ask a project admin "
                                    + "to add " + principal.user() + " to a project.")
                    .raise();
        }
        QuotaView quota = quotas.of(principal.project());
        int slots = JobStatements.parallelism(config);
        if (slots > quota.maxParallelism()) {
            throw ClientError.overQuota(QuotaMessages.parallelism(quota, slots, JobStatements.parallelismKey(config)))
                    .raise();
        }
        if (slots > quota.maxTaskSlots()) {
            throw ClientError.overQuota(QuotaMessages.slotsAlone(quota, slots)).raise();
        }
        return await(new Waiter(quota, slots), freshReading());
    }

    /** {@link #admit} for one principal's statements. */
    public ForPrincipal forPrincipal(PrincipalView principal) {
        return (operations, inStatementSet, config) -> admit(principal, operations, inStatementSet, config);
    }

    private Ticket await(Waiter waiter, ClusterSlots.Reading current) {
        long arrived = System.nanoTime();
        synchronized (lock) {
            ledger.apply(current);
            int held = ledger.held(waiter.quota.project());
            if (held + waiter.slots > waiter.quota.maxTaskSlots()) {
                throw ClientError.overQuota(QuotaMessages.slotsHeld(waiter.quota, held, waiter.slots)).raise();
            }
            queues.computeIfAbsent(waiter.quota.project(), p -> new ArrayDeque<>()).addLast(waiter);
            if (!turns.contains(waiter.quota.project())) {
                turns.addLast(waiter.quota.project());
            }
            dispatch();
            lock.notifyAll();
            try {
                while (waiter.ticket == null) {
                    long left = arrived + maxWaitNanos - System.nanoTime();
                    if (left <= 0) {
                        leave(waiter);
                        throw refusalAfterWaiting(waiter, System.nanoTime() - arrived).raise();
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException cancelled) {
                leave(waiter);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The statement was cancelled while it waited for task slots.");
            }
            return waiter.ticket;
        }
    }

    private ClientError refusalAfterWaiting(Waiter waiter, long waitedNanos) {
        Duration waited = Duration.ofNanos(waitedNanos);
        if (waiter.blockedByQuota) {
            return ClientError.overQuota(
                    QuotaMessages.slotsHeld(waiter.quota, waiter.heldWhenBlocked, waiter.slots)
                            + " It waited " + QuotaMessages.seconds(waited) + " for its project's jobs to end.");
        }
        return ClientError.busy(
                QuotaMessages.busy(waiter.slots, ledger.reading().totalSlots(), waiter.freeWhenBlocked, waited));
    }

    /** Grants queued statements in turn while slots and quotas allow; under {@link #lock}. */
    private void dispatch() {
        boolean granted = true;
        while (granted && !turns.isEmpty()) {
            granted = false;
            int free = ledger.free();
            for (String project : List.copyOf(turns)) {
                ArrayDeque<Waiter> queue = queues.get(project);
                Waiter head = queue.peekFirst();
                int held = ledger.held(project);
                if (held + head.slots > head.quota.maxTaskSlots()) {
                    // waits for its own project's jobs; other projects go on
                    head.blockedByQuota = true;
                    head.heldWhenBlocked = held;
                    continue;
                }
                head.blockedByQuota = false;
                if (head.slots > free) {
                    // its turn holds: nobody overtakes it, so a statement that needs many slots gets them in the end
                    head.freeWhenBlocked = Math.max(0, free);
                    return;
                }
                queue.removeFirst();
                head.ticket = new Claimed(ledger.claim(project, head.slots));
                turns.remove(project);
                if (queue.isEmpty()) {
                    queues.remove(project);
                } else {
                    turns.addLast(project);
                }
                granted = true;
                break;
            }
        }
    }

    private void leave(Waiter waiter) {
        ArrayDeque<Waiter> queue = queues.get(waiter.quota.project());
        if (queue != null && queue.remove(waiter) && queue.isEmpty()) {
            queues.remove(waiter.quota.project());
            turns.remove(waiter.quota.project());
        }
        dispatch();
        lock.notifyAll();
    }

    /** A reading no older than the poll interval; one reader at a time, the others use its reading. */
    private ClusterSlots.Reading freshReading() {
        synchronized (readingLock) {
            ClusterSlots.Reading last;
            synchronized (lock) {
                last = ledger.reading();
            }
            if (last != null && System.nanoTime() - last.takenAtNanos() < pollNanos) {
                return last;
            }
            try {
                return cluster.read();
            } catch (IOException e) {
                LOG.warn("The Flink cluster's slots cannot be read: {}", e.getMessage());
                throw ClientError.unavailable(
                                "the gateway cannot read the Flink cluster's free task slots right now, so the "
                                        + "statement did not start; try again shortly.")
                        .raise();
            }
        }
    }

    /** While statements wait, reads the cluster every poll interval and admits what now fits. */
    private void dispatchWhileWaiting() {
        while (!closed) {
            try {
                synchronized (lock) {
                    while (turns.isEmpty() && !closed) {
                        lock.wait();
                    }
                }
                ClusterSlots.Reading newer;
                try {
                    newer = cluster.read();
                } catch (IOException e) {
                    LOG.warn("The Flink cluster's slots cannot be read; waiting statements wait on: {}", e.getMessage());
                    newer = null;
                }
                synchronized (lock) {
                    if (newer != null) {
                        ledger.apply(newer);
                    }
                    dispatch();
                    lock.notifyAll();
                }
                TimeUnit.NANOSECONDS.sleep(pollNanos);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        dispatcher.interrupt();
    }

    private static final class Waiter {
        final QuotaView quota;
        final int slots;
        Ticket ticket;
        boolean blockedByQuota;
        int heldWhenBlocked;
        int freeWhenBlocked;

        Waiter(QuotaView quota, int slots) {
            this.quota = quota;
            this.slots = slots;
        }
    }

    /** The ticket of an admitted statement: its claim in the ledger. */
    private final class Claimed implements Ticket {
        private final SlotLedger.Claim claim;
        private boolean closed;

        Claimed(SlotLedger.Claim claim) {
            this.claim = claim;
        }

        @Override
        public void started() {
            synchronized (lock) {
                ledger.started(claim);
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
                if (!claim.started) {
                    ledger.release(claim);
                    dispatch();
                    lock.notifyAll();
                }
            }
        }
    }
}
