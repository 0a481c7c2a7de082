package io.sluice.contract;

/**
 * What a project may hold at once, as {@code GET /api/v1/projects/{project}/quota} answers; the gateway refuses a
 * statement or a session above it before any job starts.
 *
 * @param project the project
 * @param maxParallelism highest parallelism one statement of the project may run with
 * @param maxTaskSlots task slots the project's running jobs may hold together (interactive and detached)
 * @param maxSessionsPerUser gateway sessions one user may have open for the project at once
 */
public record QuotaView(String project, int maxParallelism, int maxTaskSlots, int maxSessionsPerUser) {}
