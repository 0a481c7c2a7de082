package io.sluice.catalog.identity;

/** A user's role in a project. */
public record Member(String project, String username, ProjectRole role) {}
