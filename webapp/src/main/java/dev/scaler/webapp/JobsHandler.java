package dev.scaler.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The jobs API: POST /jobs {"note"} asks a worker for the note's digest and answers 202 once the queue confirmed the
 * job; GET /jobs/{id} tells whether it is done and what it found. Both need a session; without a database 501, without
 * a reachable queue POST answers 503.
 */
final class JobsHandler {
    static final String PREFIX = "/jobs/";

    private final SessionStore sessions;
    private final Optional<Jobs> jobs;
    private final AppMetrics metrics;

    JobsHandler(SessionStore sessions, Optional<Jobs> jobs, AppMetrics metrics) {
        this.sessions = sessions;
        this.jobs = jobs;
        this.metrics = metrics;
    }

    /** POST /jobs {"note": id}: 202 {"id","note","state":"queued","shard","submittedAt"}, Location /jobs/{id}. */
    Response submit(Request request) {
        Jobs store = jobs();
        String user = SignedIn.user(sessions, request);
        String note = note(request);
        try {
            Jobs.Submitted submitted = store.submit(user, note).orElseThrow(() -> new HttpError(404, "no such note"));
            return Response.json(202, Json.JobView.of(submitted.job(), submitted.shard()))
                    .withHeader("Location", PREFIX + submitted.job().id());
        } catch (QueueUnavailableException e) {
            metrics.jobRefused();
            return Response.error(503, e.getMessage()).withHeader("Retry-After", "1");
        }
    }

    /** GET /jobs/{id}: 200 with the state, and the result once done. */
    Response status(Request request) {
        Jobs store = jobs();
        String user = SignedIn.user(sessions, request);
        String id = request.path().substring(PREFIX.length());
        if (!NotesHandler.ID.matcher(id).matches()) {
            throw noSuchJob();
        }
        return store.status(user, id)
                .map(status -> Response.json(200, Json.JobView.of(status.job(), status.shard())))
                .orElseThrow(JobsHandler::noSuchJob);
    }

    private static String note(Request request) {
        JsonNode root = JsonBody.object(request.header("Content-Type"), request.body(), "{\"note\": \"<note id>\"}");
        if (!root.path("note").isTextual()) {
            throw HttpError.badRequest("missing field: note (a note id)");
        }
        String note = root.get("note").textValue();
        if (!NotesHandler.ID.matcher(note).matches()) {
            throw new HttpError(404, "no such note");
        }
        return note;
    }

    private Jobs jobs() {
        return jobs.orElseThrow(() -> new HttpError(501,
                "jobs need a database: set SCALER_DB_PRIMARY_URL or SCALER_SHARD_URLS"));
    }

    private static HttpError noSuchJob() {
        return new HttpError(404, "no such job");
    }
}
