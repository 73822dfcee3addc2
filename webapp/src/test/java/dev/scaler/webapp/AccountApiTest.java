package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logins recorded in the main database before the session starts, and GET /account reading the account back. */
class AccountApiTest {
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final InMemoryUserDirectory users = new InMemoryUserDirectory();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private WebApp app;

    private void start(Optional<UserDirectory> directory) throws IOException {
        app = WebApp.start(new Config(0, "web-2", "dc1", new RedisEndpoint("unused", 1), Optional.empty()), sessions,
                Optional.empty(), directory, new AppMetrics(), Readiness.always());
    }

    @AfterEach
    void stop() {
        app.stop(Duration.ZERO);
    }

    private HttpResponse<String> send(String method, String path, String body, String cookie)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).timeout(Duration.ofSeconds(5))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> login) {
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void aLoginIsRecordedBeforeItsSessionAndTheAccountReadsItBack() throws Exception {
        start(Optional.of(users));
        var login = send("POST", "/login", "user=ann", "");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(users.size()).isEqualTo(1);

        var account = send("GET", "/account", "", cookie(login));

        assertThat(account.statusCode()).as(account.body()).isEqualTo(200);
        JsonNode body = Json.tree(account.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body.get("user").asText()).isEqualTo("ann");
        assertThat(body.get("source").asText()).isEqualTo("primary");
        assertThat(body.get("instance").asText()).isEqualTo("web-2");
        assertThat(java.time.Instant.parse(body.get("lastLogin").asText()))
                .isAfterOrEqualTo(java.time.Instant.parse(body.get("createdAt").asText()));
    }

    @Test
    void aMainDatabaseThatDoesNotAnswerFailsTheLoginWith503AndStartsNoSession() throws Exception {
        start(Optional.of(users));
        users.down(true);

        var login = send("POST", "/login", "user=ann", "");

        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.body()).contains("database unavailable");
        assertThat(login.headers().firstValue("Retry-After")).contains("1");
        assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void theAccountNeedsASessionAndAnswers503WhileTheDatabaseIsDown() throws Exception {
        start(Optional.of(users));
        String cookie = cookie(send("POST", "/login", "user=ann", ""));

        assertThat(send("GET", "/account", "", "").statusCode()).isEqualTo(401);
        users.down(true);
        assertThat(send("GET", "/account", "", cookie).statusCode()).isEqualTo(503);
    }

    @Test
    void withoutAMainDatabaseLoginsWorkAndTheAccountIs501() throws Exception {
        start(Optional.empty());
        var login = send("POST", "/login", "user=ann", "");
        assertThat(login.statusCode()).isEqualTo(200);

        var account = send("GET", "/account", "", cookie(login));

        assertThat(account.statusCode()).isEqualTo(501);
        assertThat(account.body()).contains("SCALER_DB_PRIMARY_URL");
    }
}
