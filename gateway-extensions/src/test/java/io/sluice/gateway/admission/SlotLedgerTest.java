package io.sluice.gateway.admission;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How admitted statements and the cluster's readings add up to the slots a project holds and the slots free. */
class SlotLedgerTest {

    private final SlotLedger ledger = new SlotLedger();

    @Test
    void aClaimCountsUntilAReadingAfterItsStartShowsItsJobWithSlots() {
        ledger.apply(reading(4, 4));
        SlotLedger.Claim claim = ledger.claim("demo", 2);
        assertThat(ledger.held("demo")).isEqualTo(2);
        assertThat(ledger.free()).isEqualTo(2);

        ledger.apply(reading(4, 4));
        assertThat(ledger.held("demo")).as("not started: no reading can account for it").isEqualTo(2);

        ClusterSlots.Reading before = reading(4, 4);
        ledger.started(claim);
        ledger.apply(before);
        assertThat(ledger.held("demo")).as("a reading older than the start proves nothing").isEqualTo(2);

        ledger.apply(reading(4, 4, new ClusterSlots.Job("j1", "demo", 0)));
        assertThat(ledger.held("demo")).as("its job initializes: the claim stands for it").isEqualTo(2);

        ledger.apply(reading(4, 2, new ClusterSlots.Job("j1", "demo", 2)));
        assertThat(ledger.held("demo")).as("the cluster counts the job, the claim is gone").isEqualTo(2);
        assertThat(ledger.free()).isEqualTo(2);

        ledger.apply(reading(4, 4));
        assertThat(ledger.held("demo")).as("the job ended").isZero();
        assertThat(ledger.free()).isEqualTo(4);
    }

    @Test
    void freeSlotsNeverExceedWhatTheClusterReportsAvailable() {
        ledger.apply(reading(4, 1, new ClusterSlots.Job("j1", "other", 1)));
        assertThat(ledger.free()).as("a job that ended has not given its slots back yet").isEqualTo(1);
        ledger.apply(reading(4, 4, new ClusterSlots.Job("j1", "other", 1), new ClusterSlots.Job("j2", null, 2)));
        assertThat(ledger.free()).as("jobs scheduled but not yet holding their slots").isEqualTo(1);
        assertThat(ledger.held("other")).isEqualTo(1);
    }

    @Test
    void startedClaimsBeyondTheProjectsInitializingJobsAreDropped() {
        ledger.apply(reading(4, 4));
        SlotLedger.Claim first = ledger.claim("demo", 1);
        SlotLedger.Claim second = ledger.claim("demo", 1);
        ledger.started(first);
        ledger.started(second);
        ledger.apply(reading(4, 3, new ClusterSlots.Job("j1", "demo", 1), new ClusterSlots.Job("j2", "demo", 0)));
        assertThat(ledger.held("demo")).as("one job counted by the cluster, one claim for the initializing one").isEqualTo(2);
    }

    private static ClusterSlots.Reading reading(int total, int available, ClusterSlots.Job... jobs) {
        return new ClusterSlots.Reading(System.nanoTime(), total, available, List.of(jobs));
    }
}
