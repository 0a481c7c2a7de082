package io.sluice.gateway.admission;

import io.sluice.contract.QuotaView;

import java.time.Duration;

/** How a refusal at admission reads: the quota or the cluster's state, its values, and what the user can do. */
final class QuotaMessages {

    private static final String RAISE = "ask a system admin to raise the quota";

    private QuotaMessages() {}

    static String parallelism(QuotaView quota, int parallelism, String key) {
        return "project " + quota.project() + " may run statements with a parallelism of at most "
                + quota.maxParallelism() + "; this one has " + parallelism + " (" + key + "): SET '" + key + "' = '"
                + quota.maxParallelism() + "' or lower, or " + RAISE + ".";
    }

    static String slotsAlone(QuotaView quota, int slots) {
        return "project " + quota.project() + " may hold at most " + slotsText(quota.maxTaskSlots())
                + "; this statement alone needs " + slots + ": lower its parallelism, or " + RAISE + ".";
    }

    static String slotsHeld(QuotaView quota, int held, int slots) {
        return "project " + quota.project() + " may hold at most " + slotsText(quota.maxTaskSlots())
                + "; its running jobs hold " + held + " and this statement needs " + slots
                + ": stop one of them (SHOW JOBS, STOP JOB) or " + RAISE + ".";
    }

    static String sessions(QuotaView quota, String user, int open) {
        return "user " + user + " may have at most " + quota.maxSessionsPerUser() + " open session"
                + (quota.maxSessionsPerUser() == 1 ? "" : "s") + " for project " + quota.project() + " and has " + open
                + ": close one (idle sessions also close on their own), or " + RAISE + ".";
    }

    static String busy(int slots, int totalSlots, int free, Duration waited) {
        return "this statement needs " + slotsText(slots) + " and " + free + " of the cluster's " + totalSlots
                + " are free for it; it waited " + seconds(waited) + " at the gateway, the longest a statement may. "
                + "Nothing was started: try again later.";
    }

    static String seconds(Duration waited) {
        return String.format(java.util.Locale.ROOT, "%.1f s", waited.toMillis() / 1000.0);
    }

    private static String slotsText(int slots) {
        return slots + " task slot" + (slots == 1 ? "" : "s");
    }
}
