package dev.scaler.load;

import java.util.List;

/**
 * The consistency figures of a run.
 *
 * @param acknowledgedWrites writes acknowledged with a 2xx (the ledger's length)
 * @param notesChecked       distinct notes read back from the primary at the end
 * @param lostWrites         notes whose highest acknowledged version the primary could not give back
 * @param staleReads         reads that returned a lower version than the same user had already had acknowledged
 * @param lostSessions       distinct users who were logged in and later got a 401
 */
public record Verification(long acknowledgedWrites, long notesChecked, long lostWrites, List<LostWrite> lost,
        long staleReads, long lostSessions, List<String> lostSessionUsers) {

    public Verification {
        lost = List.copyOf(lost);
        lostSessionUsers = List.copyOf(lostSessionUsers);
    }

    public static final Verification NONE = new Verification(0, 0, 0, List.of(), 0, 0, List.of());
}
