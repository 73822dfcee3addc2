package dev.scaler.load;

/**
 * An acknowledged write the primary could not give back at the end.
 *
 * @param reason "missing" (404), "older" (a lower version), or "unreadable" (no answer after retries)
 */
public record LostWrite(String user, String id, long acknowledgedVersion, long primaryVersion, String reason) {
}
