package io.sluice.catalog.identity;

import java.util.Set;

/** A user as lists show it: never the password hash. */
public record UserSummary(String username, String displayName, Set<PlatformRole> platformRoles) {}
