package dev.scaler.webapp;

import java.util.Optional;

/**
 * The jobs table on one shard primary (jobs live beside their note). Every method throws
 * {@link DatabaseUnavailableException} when the primary does not answer.
 */
interface JobTable {
    void insert(Job job);

    Optional<Job> find(String id);

    /** Forgets a job whose message the queue did not confirm: the client was told 503, so no one will ask for it. */
    void delete(String id);

    /**
     * Records one completion: stores the result and adds one to the job's completions.
     *
     * @return false when there is no such job (its submission was refused after all)
     */
    boolean complete(String id, JobResult result);
}
