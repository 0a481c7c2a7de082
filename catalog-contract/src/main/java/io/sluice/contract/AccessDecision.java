package io.sluice.contract;

/**
 * The answer to an {@link AccessCheck}.
 *
 * @param allowed whether the action may go ahead
 * @param rule which rule decided: blacklist, owner, kafka, public, user_grant, project_grant, column_grant,
 *     not_published, no_grant
 * @param reason a sentence for the user: what is missing and how to apply for it
 */
public record AccessDecision(boolean allowed, String rule, String reason) {}
