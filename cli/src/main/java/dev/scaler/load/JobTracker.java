package dev.scaler.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job ledger as a run fills it: every submission counted, every confirmed job with when it was confirmed (seconds
 * into the run) and what the app last said of it. Thread-safe; {@link #figures} hands it to {@link JobLedger}.
 */
final class JobTracker {
    /** One confirmed job; {@code outcome} is replaced as answers about it come in. */
    static final class Tracked {
        final String id;
        final String user;
        final double confirmedAt;
        volatile JobOutcome outcome;

        Tracked(String id, String user, double confirmedAt) {
            this.id = id;
            this.user = user;
            this.confirmedAt = confirmedAt;
            this.outcome = JobOutcome.pending(id, confirmedAt);
        }
    }

    private final AtomicLong submitted = new AtomicLong();
    private final Map<String, Tracked> confirmed = new ConcurrentHashMap<>();

    void submitted() {
        submitted.incrementAndGet();
    }

    Tracked confirmed(String id, String user, double at) {
        Tracked t = new Tracked(id, user, at);
        confirmed.put(id, t);
        return t;
    }

    Collection<Tracked> all() {
        return confirmed.values();
    }

    /**
     * Reads an answer of GET /jobs/{id} into the job's outcome: done with its completions and the latency from the app's
     * submittedAt to the result's doneAt; false when the answer does not say done (or cannot be read).
     */
    static boolean read(Tracked t, JsonNode answer) {
        int completions = answer.path("completions").asInt(0);
        JsonNode result = answer.path("result");
        if (!"done".equals(answer.path("state").asText()) || completions < 1 || !result.isObject()) {
            return false;
        }
        try {
            Instant submittedAt = Instant.parse(answer.path("submittedAt").asText());
            Instant doneAt = Instant.parse(result.path("doneAt").asText());
            double latency = Math.max(0, Duration.between(submittedAt, doneAt).toNanos() / 1e9);
            t.outcome = new JobOutcome(t.id, t.confirmedAt, completions, OptionalDouble.of(latency));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    JobFigures figures(Duration deadline) {
        List<JobOutcome> outcomes = new ArrayList<>();
        confirmed.values().forEach(t -> outcomes.add(t.outcome));
        return JobLedger.verify(submitted.get(), outcomes, deadline);
    }
}
