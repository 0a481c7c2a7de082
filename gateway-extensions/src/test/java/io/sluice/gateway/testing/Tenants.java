package io.sluice.gateway.testing;

import io.sluice.localstack.LocalStack;

import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.client.JobStatusMessage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Projects and users of a test, made through catalog-service's API as a system admin and a data admin would:
 * once per stack, so that a class can be run again in the same JVM.
 */
public final class Tenants {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password";
    private static final Set<String> MADE = new HashSet<>();

    private Tenants() {}

    /**
     * A project with one developer, {@code user} (password {@code user + "-password"}), who may read
     * {@code test.demo_kafka.orders}.
     */
    public static synchronized void projectWithDeveloper(LocalStack stack, String project, String user) {
        if (!MADE.add(project)) {
            return;
        }
        stack.catalogService("POST", "/api/v1/projects", ADMIN, ADMIN_PASSWORD, "{\"name\":\"" + project + "\"}");
        stack.catalogService("POST", "/api/v1/users", ADMIN, ADMIN_PASSWORD,
                "{\"username\":\"" + user + "\",\"password\":\"" + password(user) + "\",\"platformRoles\":[]}");
        stack.catalogService("PUT", "/api/v1/projects/" + project + "/members/" + user, ADMIN, ADMIN_PASSWORD,
                "{\"role\":\"developer\"}");
        stack.catalogService("POST", "/api/v1/access/whitelist", LocalStack.DANA, LocalStack.DANA_PASSWORD,
                "{\"environment\":\"test\",\"tables\":[\"orders\"],\"projects\":[\"" + project + "\"],"
                        + "\"privileges\":[\"select\"]}");
    }

    public static String password(String user) {
        return user + "-password";
    }

    /**
     * Sets a project's quota as a system admin ({@code {"maxTaskSlots":1}}; fields left out take the defaults) and
     * waits until the gateway has read the change feed.
     */
    public static void setQuota(LocalStack stack, String project, String quotaJson) {
        stack.catalogService("PUT", "/api/v1/projects/" + project + "/quota", ADMIN, ADMIN_PASSWORD, quotaJson);
        try {
            Thread.sleep(2 * stack.settings.changePollInterval().toMillis() + 300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ids of the cluster's jobs tagged with the project, as the gateway tags every job of a session. */
    public static Set<JobID> jobsOf(LocalStack stack, String project) throws Exception {
        return stack.miniCluster.listJobs().get().stream()
                .map(JobStatusMessage::getJobId)
                .filter(id -> project.equals(projectOf(stack, id)))
                .collect(Collectors.toSet());
    }

    /** The project a job was started for, from its global job parameters. */
    public static String projectOf(LocalStack stack, JobID job) {
        try {
            return stack.miniCluster.getArchivedExecutionGraph(job).get()
                    .getArchivedExecutionConfig().getGlobalJobParameters().get("sluice.project");
        } catch (Exception e) {
            throw new IllegalStateException("Job " + job + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Jobs of the cluster with their start times, oldest first. */
    public static List<JobStatusMessage> jobsByStart(LocalStack stack) throws Exception {
        return stack.miniCluster.listJobs().get().stream()
                .sorted(java.util.Comparator.comparingLong(JobStatusMessage::getStartTime))
                .toList();
    }
}
