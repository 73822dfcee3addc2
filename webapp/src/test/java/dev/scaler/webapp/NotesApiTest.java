package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notes API over HTTP against fakes: the exact JSON shapes, status codes and headers a load generator relies on. */
class NotesApiTest {
    private static final String ID = "00000000-0000-0000-0000-000000000001";

    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final InMemoryNoteTable primary = new InMemoryNoteTable("p");
    private final InMemoryNoteTable replica = new InMemoryNoteTable("r");
    private final InMemoryNoteCache cache = new InMemoryNoteCache();
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private WebApp app;

    @BeforeEach
    void start() throws IOException {
        Notes notes = new Notes(List.of(new Notes.Shard(0, primary, List.of(replica))), user -> 0, cache,
                new InMemoryAckedVersions(), ReadsFrom.REPLICAS, Clock.fixed(Instant.parse("2026-05-06T07:08:09.5Z"), ZoneOffset.UTC),
                () -> "00000000-0000-0000-0000-%012d".formatted(ids.incrementAndGet()));
        app = WebApp.start(new Config(0, "web-1", "dc1", new RedisEndpoint("unused", 1), Optional.empty()), sessions,
                Optional.of(notes), Optional.empty(), new AppMetrics(), Readiness.always());
    }

    @AfterEach
    void stop() {
        app.stop(Duration.ZERO);
    }

    @Test
    void createAnswers201WithIdUserVersionShardAndLocation() throws Exception {
        HttpResponse<String> created = send("POST", "/notes", "{\"text\":\"hello\"}", login("alice"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo(
                "{\"id\":\"" + ID + "\",\"user\":\"alice\",\"version\":1,\"shard\":0,\"updatedAt\":\"2026-05-06T07:08:09.500Z\"}");
        assertThat(created.headers().firstValue("Location")).contains("/notes/" + ID);
        assertThat(created.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void readAnswersTheNoteWithItsSource() throws Exception {
        String alice = login("alice");
        send("POST", "/notes", "{\"text\":\"héllo \\\"quoted\\\"\"}", alice);

        HttpResponse<String> read = send("GET", "/notes/" + ID, "", alice);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"id\":\"" + ID + "\",\"user\":\"alice\",\"text\":\"héllo \\\"quoted\\\"\",\"version\":1,"
                + "\"shard\":0,\"updatedAt\":\"2026-05-06T07:08:09.500Z\",\"source\":\"primary\"}");
        assertThat(json(send("GET", "/notes/" + ID, "", alice)).get("source").asText()).isEqualTo("cache");
        replica.catchUpWith(primary);
        cache.entries.clear();
        assertThat(json(send("GET", "/notes/" + ID, "", alice)).get("source").asText()).isEqualTo("replica");
        assertThat(json(send("GET", "/notes/" + ID + "?consistency=primary", "", alice)).get("source").asText()).isEqualTo("primary");
        assertThat(send("GET", "/notes/" + ID + "?consistency=eventual", "", alice).statusCode()).isEqualTo(400);
        // Found by schemathesis: an empty value read as the default.
        assertThat(send("GET", "/notes/" + ID + "?consistency=", "", alice).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/notes/" + ID + "?consistency", "", alice).statusCode()).isEqualTo(400);
    }

    @Test
    void updateAnswers200WithTheNextVersion() throws Exception {
        String alice = login("alice");
        send("POST", "/notes", "{\"text\":\"v1\"}", alice);

        HttpResponse<String> updated = send("PUT", "/notes/" + ID, "{\"text\":\"v2\"}", alice);

        assertThat(updated.statusCode()).isEqualTo(200);
        JsonNode body = json(updated);
        assertThat(body.get("id").asText()).isEqualTo(ID);
        assertThat(body.get("version").asLong()).isEqualTo(2);
        assertThat(json(send("GET", "/notes/" + ID, "", alice)).get("text").asText()).isEqualTo("v2");
    }

    @Test
    void listAnswersTheSessionUsersIdsAndVersions() throws Exception {
        String alice = login("alice");
        send("POST", "/notes", "{\"text\":\"one\"}", alice);
        send("POST", "/notes", "{\"text\":\"bob's\"}", login("bob"));

        HttpResponse<String> list = send("GET", "/notes", "", alice);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("{\"notes\":[{\"id\":\"" + ID + "\",\"version\":1}],\"shard\":0,\"source\":\"primary\"}");
    }

    @Test
    void everyEndpointNeedsASession() throws Exception {
        assertThat(send("POST", "/notes", "{\"text\":\"x\"}", "").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/notes", "", "").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/notes/" + ID, "", "").statusCode()).isEqualTo(401);
        HttpResponse<String> put = send("PUT", "/notes/" + ID, "{\"text\":\"x\"}", "SCALER_SESSION=AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(put.statusCode()).isEqualTo(401);
        assertThat(put.body()).isEqualTo("{\"error\":\"not logged in\"}");
    }

    @Test
    void anotherUsersNoteAndUnknownIdsAre404() throws Exception {
        send("POST", "/notes", "{\"text\":\"secret\"}", login("alice"));
        String bob = login("bob");

        HttpResponse<String> read = send("GET", "/notes/" + ID, "", bob);
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).isEqualTo("{\"error\":\"no such note\"}");
        assertThat(send("PUT", "/notes/" + ID, "{\"text\":\"mine\"}", bob).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/notes/00000000-0000-0000-0000-000000000099", "", bob).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/notes/not-an-id", "", bob).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/notes/" + ID + "/more", "", bob).statusCode()).isEqualTo(404);
    }

    @Test
    void invalidTextIs400() throws Exception {
        String alice = login("alice");

        assertThat(send("POST", "/notes", "{\"text\":\"\"}", alice).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/notes", "{\"text\":\"" + "x".repeat(1001) + "\"}", alice).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/notes", "{}", alice).statusCode()).isEqualTo(400);
    }

    @Test
    void unavailableOrReadOnlyDatabaseIs503WithRetryAfter() throws Exception {
        String alice = login("alice");
        primary.readOnly(true);

        HttpResponse<String> readOnly = send("POST", "/notes", "{\"text\":\"x\"}", alice);
        assertThat(readOnly.statusCode()).isEqualTo(503);
        assertThat(readOnly.body()).isEqualTo("{\"error\":\"database is read-only\"}");
        assertThat(readOnly.headers().firstValue("Retry-After")).contains("1");

        primary.down(true);
        replica.down(true); // with the replica up, the list would still be served from it
        HttpResponse<String> down = send("GET", "/notes", "", alice);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"error\":\"database unavailable\"}");
        assertThat(down.headers().firstValue("Retry-After")).contains("1");
    }

    @Test
    void wrongMethodsAre405() throws Exception {
        HttpResponse<String> delete = send("DELETE", "/notes/" + ID, "", "");

        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).contains("GET, HEAD, PUT");
    }

    @Test
    void withoutADatabaseNotesAre501() throws Exception {
        try (WebApp plain = WebApp.start(new Config(0, "web-2", "dc1", new RedisEndpoint("unused", 1), Optional.empty()), sessions)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plain.port() + "/notes"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(501);
        }
    }

    private String login(String user) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + user)).build(), HttpResponse.BodyHandlers.ofString());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> send(String method, String path, String body, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.tree(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
