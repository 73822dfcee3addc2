package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The notes API as a client sees it, for the integration tests. */
final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    /** Logs in and answers the cookie to send, {@code SCALER_SESSION=...}. */
    String login(String user) throws IOException, InterruptedException {
        HttpResponse<String> login = send("POST", "/login", "{\"user\":\"" + user + "\"}", "");
        assertThat(login.statusCode()).as("login of %s answered %s", user, login.body()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        return send("GET", path, "", cookie);
    }

    HttpResponse<String> post(String path, String json, String cookie) throws IOException, InterruptedException {
        return send("POST", path, json, cookie);
    }

    HttpResponse<String> put(String path, String json, String cookie) throws IOException, InterruptedException {
        return send("PUT", path, json, cookie);
    }

    /** POST /notes that must succeed; answers the 201 body. */
    JsonNode create(String text, String cookie) throws IOException, InterruptedException {
        return ok(post("/notes", note(text), cookie), 201);
    }

    /** PUT /notes/{id} that must succeed; answers the 200 body. */
    JsonNode update(String id, String text, String cookie) throws IOException, InterruptedException {
        return ok(put("/notes/" + id, note(text), cookie), 200);
    }

    /** GET /notes/{id} that must succeed; answers the 200 body. */
    JsonNode read(String id, String cookie) throws IOException, InterruptedException {
        return ok(get("/notes/" + id, cookie), 200);
    }

    static String note(String text) {
        return Json.writeString(java.util.Map.of("text", text));
    }

    static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("answered %s", response.body()).isEqualTo(status);
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.tree(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
