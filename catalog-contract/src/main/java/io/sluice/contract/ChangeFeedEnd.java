package io.sluice.contract;

/**
 * Where the change feed ends now, as {@code GET /api/v1/changes/end} answers: a reader that starts with empty
 * caches polls from here and reads only what is new, not the feed's whole history.
 *
 * @param lastId the id of the newest event (0 while the feed is empty); poll with {@code after=lastId}
 */
public record ChangeFeedEnd(long lastId) {}
