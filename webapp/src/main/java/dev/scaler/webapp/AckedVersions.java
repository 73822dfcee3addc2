package dev.scaler.webapp;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Per user and note, the highest version the app acknowledged to that user (201/200 on a write).
 * A read that finds an older version elsewhere is stale for this user and goes to the primary.
 * Kept outside the web process, like sessions, so any replica honours it.
 * Throws {@link SessionStoreUnavailableException} when the store does not answer.
 */
interface AckedVersions {
    OptionalLong get(String user, String noteId);

    /** Every note this user wrote recently, id to version. */
    Map<String, Long> all(String user);

    /** Remembers {@code version} unless a higher one is already remembered (concurrent writes may finish out of order). */
    void record(String user, String noteId, long version);
}
