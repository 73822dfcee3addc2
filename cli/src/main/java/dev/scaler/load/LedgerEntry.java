package dev.scaler.load;

/** One acknowledged write: the note, the version the server acknowledged, who wrote it and when (seconds into the run). */
public record LedgerEntry(String user, String id, long version, double at) {
}
