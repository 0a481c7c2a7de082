package io.sluice.contract;

/** A user's role in one project. */
public record ProjectMembershipView(String project, String role) {}
