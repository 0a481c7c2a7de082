package io.sluice.catalog.identity;

import java.time.OffsetDateTime;

/** A bearer token as its owner sees it; the secret itself is shown only once, when it is issued. */
public record ApiToken(long id, String name, OffsetDateTime createdAt, OffsetDateTime revokedAt, OffsetDateTime expiresAt) {}
