package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The jobs API over HTTP against in-memory tables and queue: 202 only once queued, 503 when the queue refuses. */
class JobsApiTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09.5Z"), ZoneOffset.UTC);

    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final InMemoryNoteTable notesTable = new InMemoryNoteTable("p");
    private final InMemoryJobTable jobsTable = new InMemoryJobTable();
    private final RecordingJobQueue queue = new RecordingJobQueue();
    private final AtomicInteger ids = new AtomicInteger();
    private WebApp app;
    private ApiClient api;

    @BeforeEach
    void start() throws IOException {
        Notes notes = new Notes(List.of(new Notes.Shard(0, notesTable, List.of())), user -> 0, new InMemoryNoteCache(),
                new InMemoryAckedVersions(), ReadsFrom.PRIMARY, CLOCK,
                () -> "00000000-0000-0000-0000-%012d".formatted(ids.incrementAndGet()));
        Jobs jobs = new Jobs(notes, List.of(jobsTable), user -> 0, queue, CLOCK,
                () -> "10000000-0000-0000-0000-%012d".formatted(ids.incrementAndGet()));
        app = WebApp.start(new Config(0, "web-1", "dc1", new RedisEndpoint("unused", 1), Optional.empty()), sessions,
                Optional.of(notes), Optional.empty(), Optional.of(jobs), new AppMetrics(), Readiness.always());
        api = new ApiClient(app.port());
    }

    @AfterEach
    void stop() {
        app.stop(Duration.ZERO);
    }

    @Test
    void submitAnswers202WithTheJobOnceTheQueueHasIt() throws Exception {
        String alice = api.login("alice");
        String note = api.create("hello big world", alice).get("id").asText();

        HttpResponse<String> submitted = api.post("/jobs", "{\"note\":\"" + note + "\"}", alice);

        JsonNode job = ApiClient.ok(submitted, 202);
        String id = job.get("id").asText();
        assertThat(job.get("state").asText()).isEqualTo("queued");
        assertThat(job.get("note").asText()).isEqualTo(note);
        assertThat(job.get("completions").asInt()).isZero();
        assertThat(job.has("result")).isFalse();
        assertThat(submitted.headers().firstValue("Location")).contains("/jobs/" + id);
        assertThat(queue.published).containsExactly(new JobMessage(id, note, "alice"));
        assertThat(ApiClient.ok(api.get("/jobs/" + id, alice), 200).get("state").asText()).isEqualTo("queued");
    }

    @Test
    void aJobDoneByAWorkerShowsItsResult() throws Exception {
        String alice = api.login("alice");
        String note = api.create("hello big world", alice).get("id").asText();
        String id = ApiClient.ok(api.post("/jobs", "{\"note\":\"" + note + "\"}", alice), 202).get("id").asText();

        JobProcessor worker = new JobProcessor(List.of(new JobProcessor.Shard(notesTable, jobsTable)), user -> 0, CLOCK);
        assertThat(worker.process(queue.published.get(0).toJson())).isEqualTo(JobProcessor.Outcome.DONE);

        JsonNode done = ApiClient.ok(api.get("/jobs/" + id, alice), 200);
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("completions").asInt()).isEqualTo(1);
        assertThat(done.get("result").get("words").asInt()).isEqualTo(3);
        assertThat(done.get("result").get("sha256").asText()).isEqualTo(NoteDigest.of("hello big world").sha256());
        assertThat(done.get("result").get("noteVersion").asLong()).isEqualTo(1);
    }

    @Test
    void anUnreachableQueueAnswers503AndForgetsTheJob() throws Exception {
        String alice = api.login("alice");
        String note = api.create("hello", alice).get("id").asText();
        queue.unreachable(true);

        HttpResponse<String> refused = api.post("/jobs", "{\"note\":\"" + note + "\"}", alice);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(ApiClient.json(refused).get("error").asText()).contains("job queue");
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(jobsTable.rows).isEmpty();
        // The other journeys do not depend on the queue.
        assertThat(api.read(note, alice).get("text").asText()).isEqualTo("hello");
    }

    @Test
    void jobsOfOthersAndUnknownNotesAnswer404() throws Exception {
        String alice = api.login("alice");
        String bob = api.login("bob");
        String note = api.create("hello", alice).get("id").asText();
        String id = ApiClient.ok(api.post("/jobs", "{\"note\":\"" + note + "\"}", alice), 202).get("id").asText();

        assertThat(api.post("/jobs", "{\"note\":\"" + note + "\"}", bob).statusCode()).isEqualTo(404);
        assertThat(api.get("/jobs/" + id, bob).statusCode()).isEqualTo(404);
        assertThat(api.get("/jobs/not-a-job", alice).statusCode()).isEqualTo(404);
        assertThat(api.post("/jobs", "{\"note\":\"nope\"}", alice).statusCode()).isEqualTo(404);
        assertThat(api.post("/jobs", "{\"text\":\"x\"}", alice).statusCode()).isEqualTo(400);
        assertThat(api.post("/jobs", "{\"note\":\"" + note + "\"}", "").statusCode()).isEqualTo(401);
        assertThat(queue.published).hasSize(1);
    }

    @Test
    void withoutADatabaseJobsAnswer501() throws Exception {
        try (WebApp plain = WebApp.start(new Config(0, "web-1", "dc1", new RedisEndpoint("unused", 1), Optional.empty()),
                sessions)) {
            ApiClient client = new ApiClient(plain.port());
            String alice = client.login("alice");
            assertThat(client.post("/jobs", "{\"note\":\"00000000-0000-0000-0000-000000000001\"}", alice).statusCode())
                    .isEqualTo(501);
        }
    }
}
