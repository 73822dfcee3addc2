package dev.scaler.webapp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A jobs table in memory that can be down. */
final class InMemoryJobTable implements JobTable {
    final Map<String, Job> rows = new ConcurrentHashMap<>();
    private volatile boolean down;

    void down(boolean down) {
        this.down = down;
    }

    @Override
    public void insert(Job job) {
        check();
        rows.put(job.id(), job);
    }

    @Override
    public Optional<Job> find(String id) {
        check();
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public void delete(String id) {
        check();
        rows.computeIfPresent(id, (k, job) -> job.completions() == 0 ? null : job);
    }

    @Override
    public boolean complete(String id, JobResult result) {
        check();
        return rows.computeIfPresent(id, (k, j) -> new Job(j.id(), j.note(), j.user(), j.submittedAt(),
                j.completions() + 1, Optional.of(result))) != null;
    }

    private void check() {
        if (down) {
            throw new DatabaseUnavailableException("jobs down for the test", null, false);
        }
    }
}
