package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * webapp/openapi.yaml against the app, started in-process on in-memory stores: every route served is described
 * and nothing else is, and every answer to good and bad requests has a documented status, content type, headers
 * and a body that fits the documented schema.
 */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode API = read();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private WebApp app;

    private static JsonNode read() {
        try {
            return new YAMLMapper().readTree(Path.of("openapi.yaml").toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read webapp/openapi.yaml", e);
        }
    }

    @BeforeEach
    void start() throws IOException {
        Notes notes = Notes.create(List.of(new Notes.Shard(0, new InMemoryNoteTable("p"), List.of())),
                ShardStrategy.HASH, new InMemoryNoteCache(), new InMemoryAckedVersions(), ReadsFrom.PRIMARY);
        app = start(Optional.of(notes), Optional.of(Jobs.create(notes, List.of(new InMemoryJobTable()), ShardStrategy.HASH,
                queue)));
    }

    private final RecordingJobQueue queue = new RecordingJobQueue();

    private WebApp start(Optional<Notes> notes, Optional<Jobs> jobs) throws IOException {
        return WebApp.start(new Config(0, "web-1", "dc1", new RedisEndpoint("unused", 1), Optional.empty()), sessions,
                notes, Optional.empty(), jobs, new AppMetrics(), Readiness.always());
    }

    @AfterEach
    void stop() {
        app.stop(Duration.ZERO);
    }

    @Test
    void everyRouteServedIsDescribedAndNothingElse() {
        Set<String> described = new TreeSet<>();
        API.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                described.add(method.toUpperCase() + " " + path.getKey().replaceAll("\\{[^}]+}", "{}"));
            }
        }));
        assertThat(described).isEqualTo(app.operations());
    }

    @Test
    void answersToGoodAndBadRequestsAreDescribed() throws Exception {
        List<String> checked = new ArrayList<>();
        Exchange exchange = (method, template, path, type, body, cookie) -> {
            HttpResponse<String> response = send(app, method, path, type, body, cookie);
            conforms(method, template, response);
            checked.add(method + " " + path + " -> " + response.statusCode());
            return response;
        };
        exchange.send("GET", "/", "/", "", "", "");
        exchange.send("GET", "/healthz", "/healthz", "", "", "");
        exchange.send("GET", "/whoami", "/whoami", "", "", "");
        exchange.send("GET", "/metrics", "/metrics", "", "", "");
        exchange.send("POST", "/login", "/login", "application/json", "{\"user\": \"bad name\"}", "");
        exchange.send("POST", "/login", "/login", "application/json", "{\"user\": ", "");
        exchange.send("POST", "/login", "/login", "text/plain", "user=ann", "");
        exchange.send("POST", "/login", "/login", "", "user=" + "a".repeat(Router.MAX_BODY_BYTES), "");
        String setCookie = exchange.send("POST", "/login", "/login", "", "user=ann", "").headers()
                .firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        exchange.send("GET", "/me", "/me", "", "", "");
        exchange.send("GET", "/me", "/me", "", "", cookie);
        exchange.send("POST", "/notes", "/notes", "application/json", "{\"text\": \"hi\"}", "");
        exchange.send("POST", "/notes", "/notes", "application/json", "{\"text\": \"\"}", cookie);
        exchange.send("POST", "/notes", "/notes", "application/xml", "<text/>", cookie);
        String id = ApiClient.json(exchange.send("POST", "/notes", "/notes", "application/json",
                "{\"text\": \"hi\"}", cookie)).get("id").asText();
        exchange.send("GET", "/notes", "/notes", "", "", cookie);
        exchange.send("GET", "/notes/{id}", "/notes/" + id, "", "", cookie);
        exchange.send("GET", "/notes/{id}", "/notes/" + id + "?consistency=primary", "", "", cookie);
        exchange.send("GET", "/notes/{id}", "/notes/" + id + "?consistency=any", "", "", cookie);
        exchange.send("GET", "/notes/{id}", "/notes/not-an-id", "", "", cookie);
        exchange.send("PUT", "/notes/{id}", "/notes/" + id, "application/json", "{\"text\": \"there\"}", cookie);
        exchange.send("PUT", "/notes/{id}", "/notes/" + id, "application/json", "{\"text\": 1}", cookie);
        exchange.send("PUT", "/notes/{id}", "/notes/00000000-0000-0000-0000-000000000000", "application/json",
                "{\"text\": \"x\"}", cookie);
        String job = ApiClient.json(exchange.send("POST", "/jobs", "/jobs", "application/json",
                "{\"note\": \"" + id + "\"}", cookie)).get("id").asText();
        exchange.send("GET", "/jobs/{id}", "/jobs/" + job, "", "", cookie);
        exchange.send("GET", "/jobs/{id}", "/jobs/00000000-0000-0000-0000-000000000000", "", "", cookie);
        exchange.send("GET", "/jobs/{id}", "/jobs/" + job, "", "", "");
        exchange.send("POST", "/jobs", "/jobs", "application/json", "{\"note\": 1}", cookie);
        exchange.send("POST", "/jobs", "/jobs", "text/plain", "note", cookie);
        exchange.send("POST", "/jobs", "/jobs", "application/json", "{\"note\": \"00000000-0000-0000-0000-000000000000\"}",
                cookie);
        queue.unreachable(true);
        exchange.send("POST", "/jobs", "/jobs", "application/json", "{\"note\": \"" + id + "\"}", cookie);
        exchange.send("POST", "/logout", "/logout", "", "", cookie);
        try (WebApp noDatabase = start(Optional.empty(), Optional.empty())) {
            HttpResponse<String> notImplemented = send(noDatabase, "GET", "/notes", "", "", cookie);
            conforms("GET", "/notes", notImplemented);
            assertThat(notImplemented.statusCode()).isEqualTo(501);
        }
        assertThat(checked).contains("POST /login -> 400", "POST /login -> 413", "POST /login -> 415",
                "GET /me -> 401", "GET /me -> 200", "POST /notes -> 201", "GET /notes/not-an-id -> 404",
                "PUT /notes/" + id + " -> 200", "POST /jobs -> 202", "POST /jobs -> 503", "GET /jobs/" + job + " -> 200");
    }

    @Test
    void anUndocumentedAnswerFailsTheCheck() throws Exception {
        // The negative control: an answer outside the description must not pass for one inside it.
        HttpResponse<String> whoami = send(app, "GET", "/whoami", "", "", "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> conforms("GET", "/me", whoami))
                .isInstanceOf(AssertionError.class);
        HttpResponse<String> missing = send(app, "GET", "/me", "", "", "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> conforms("GET", "/whoami", missing))
                .isInstanceOf(AssertionError.class).hasMessageContaining("401");
    }

    @FunctionalInterface
    private interface Exchange {
        HttpResponse<String> send(String method, String template, String path, String contentType, String body,
                String cookie) throws IOException, InterruptedException;
    }

    private HttpResponse<String> send(WebApp to, String method, String path, String contentType, String body,
            String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer has a status, content type, headers and body that the description gives for the operation. */
    private static void conforms(String method, String template, HttpResponse<String> response) throws IOException {
        JsonNode operation = API.get("paths").path(template).path(method.toLowerCase());
        assertThat(operation.isObject()).as("%s %s is described", method, template).isTrue();
        String status = Integer.toString(response.statusCode());
        JsonNode described = resolve(operation.get("responses").path(status));
        assertThat(described.isObject()).as("%s %s answered %s, which is not described: %s", method, template,
                status, response.body()).isTrue();
        described.path("headers").fieldNames().forEachRemaining(header -> assertThat(
                response.headers().firstValue(header)).as("%s %s %s: header %s", method, template, status, header)
                .isPresent());
        if (!described.has("content")) {
            assertThat(response.body()).isEmpty();
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";", 2)[0].trim();
        JsonNode content = described.get("content").path(type);
        assertThat(content.isObject()).as("%s %s %s: content type %s is described", method, template, status, type)
                .isTrue();
        JsonNode schema = schema(content.get("schema"));
        JsonNode body = type.equals("application/json") ? JSON.readTree(response.body())
                : JSON.getNodeFactory().textNode(response.body());
        var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(body);
        assertThat(errors).as("%s %s %s: %s", method, template, status, response.body()).isEmpty();
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() ? API.at(ref.asText().substring(1)) : node;
    }

    /** A JSON Schema (2020-12, which OpenAPI 3.1 uses) of one response, with the components as its $defs. */
    private static JsonNode schema(JsonNode schema) throws IOException {
        String defs = JSON.writeValueAsString(API.at("/components/schemas")).replace("#/components/schemas/", "#/$defs/");
        ObjectNode root = (ObjectNode) JSON.readTree(JSON.writeValueAsString(schema)
                .replace("#/components/schemas/", "#/$defs/"));
        root.set("$defs", JSON.readTree(defs));
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        return root;
    }
}
