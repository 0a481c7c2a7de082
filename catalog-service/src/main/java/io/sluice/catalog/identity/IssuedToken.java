package io.sluice.catalog.identity;

import java.time.OffsetDateTime;

/** A token just issued: {@code token} is the secret to send as {@code Authorization: Bearer}; it is not stored. */
public record IssuedToken(long id, String name, String token, OffsetDateTime expiresAt) {}
