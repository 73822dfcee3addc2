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
 * @param jobs               the job ledger (zero without the job journey; absent in runs stored before it existed)
 */
public record Verification(long acknowledgedWrites, long notesChecked, long lostWrites, List<LostWrite> lost,
        long staleReads, long lostSessions, List<String> lostSessionUsers, JobFigures jobs) {

    public Verification {
        lost = List.copyOf(lost);
        lostSessionUsers = List.copyOf(lostSessionUsers);
        jobs = jobs == null ? JobFigures.NONE : jobs; // verification.json of a run stored before jobs existed
    }

    /** Without jobs. */
    public Verification(long acknowledgedWrites, long notesChecked, long lostWrites, List<LostWrite> lost,
            long staleReads, long lostSessions, List<String> lostSessionUsers) {
        this(acknowledgedWrites, notesChecked, lostWrites, lost, staleReads, lostSessions, lostSessionUsers,
                JobFigures.NONE);
    }

    public static final Verification NONE = new Verification(0, 0, 0, List.of(), 0, 0, List.of());
}
