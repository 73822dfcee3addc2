package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP surface against an in-memory store: routing, status codes, headers, cookies. */
class WebAppTest {
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private WebApp app;

    @BeforeEach
    void start() throws IOException {
        app = WebApp.start(new Config(0, "web-7", "eu-west", new RedisEndpoint("unused", 1), Optional.empty()), store);
    }

    @AfterEach
    void stop() {
        app.stop(Duration.ZERO);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, "", "", "");
    }

    private HttpResponse<String> login(String user) throws IOException, InterruptedException {
        return send("POST", "/login", "application/x-www-form-urlencoded", "user=" + user, "");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void metricsCountAnsweredRequestsByStatusClassButNotHealthChecks() throws Exception {
        for (int i = 0; i < 7; i++) {
            assertThat(get("/whoami").statusCode()).isEqualTo(200);
        }
        assertThat(get("/no-such-path").statusCode()).isEqualTo(404);
        get("/healthz");
        var metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).contains("scaler_http_requests_total{code=\"2xx\"} 7.0")
                .contains("scaler_http_requests_total{code=\"4xx\"} 1.0")
                .contains("scaler_http_requests_total{code=\"5xx\"} 0.0")
                .contains("scaler_http_request_duration_seconds_count 8")
                .contains("scaler_note_cache_requests_total{result=\"hit\"} 0.0");
    }

    @Test
    void metricsAnswerGetAndHeadOnlyAndOnlyOnTheirPath() throws Exception {
        // Found by schemathesis (bench/fuzz-webapp.sh): TRACE /metrics answered 200 with the metrics.
        HttpResponse<String> trace = send("TRACE", "/metrics", "", "", "");
        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(trace.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(trace.body()).contains("\"error\"");
        assertThat(send("POST", "/metrics", "", "x", "").statusCode()).isEqualTo(405);
        assertThat(send("HEAD", "/metrics", "", "", "").statusCode()).isEqualTo(200);
        assertThat(get("/metricsX").statusCode()).isEqualTo(404);
        assertThat(get("/metrics/x").statusCode()).isEqualTo(404);
    }

    @Test
    void healthzIsPlainOk() throws Exception {
        HttpResponse<String> response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
    }

    @Test
    void healthzIgnoresTheSessionStore() throws Exception {
        store.down(true);

        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/whoami").statusCode()).isEqualTo(200);
    }

    @Test
    void whoamiNamesInstanceAndDatacenter() throws Exception {
        HttpResponse<String> response = get("/whoami");

        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"instance\":\"web-7\",\"datacenter\":\"eu-west\"}");
    }

    @Test
    void indexPageNamesTheInstance() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("<h1>Served by web-7</h1>");
    }

    @Test
    void everyResponseNamesTheInstance() throws Exception {
        for (HttpResponse<String> response : new HttpResponse[] {
                get("/"), get("/healthz"), get("/me"), get("/nope"), send("DELETE", "/whoami", "", "", ""), login("bad%20name")}) {
            assertThat(response.headers().firstValue(Router.INSTANCE_HEADER))
                    .as("%s %s", response.request().method(), response.uri())
                    .contains("web-7");
        }
    }

    @Test
    void loginSetsSessionCookieAndMeReadsIt() throws Exception {
        HttpResponse<String> login = login("alice");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).isEqualTo("{\"user\":\"alice\",\"instance\":\"web-7\"}");
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                .matches("SCALER_SESSION=[A-Za-z0-9_-]{22}; Path=/; HttpOnly; SameSite=Lax");

        HttpResponse<String> me = send("GET", "/me", "", "", sessionCookie(login));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("{\"user\":\"alice\",\"instance\":\"web-7\"}");
    }

    @Test
    void loginAcceptsJson() throws Exception {
        HttpResponse<String> login = send("POST", "/login", "application/json", "{\"user\":\"bob@example.com\"}", "");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"user\":\"bob@example.com\"");
    }

    @Test
    void invalidUserIs400WithJsonErrorAndNoSession() throws Exception {
        HttpResponse<String> login = login("x".repeat(65));

        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(login.body()).isEqualTo("{\"error\":\"" + UserNames.RULE + "\"}");
        assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void meWithoutOrWithUnknownCookieIs401() throws Exception {
        assertThat(get("/me").statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = send("GET", "/me", "", "", "SCALER_SESSION=AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"not logged in\"}");
    }

    @Test
    void logoutEndsTheSessionAndExpiresTheCookie() throws Exception {
        String cookie = sessionCookie(login("carol"));

        HttpResponse<String> logout = send("POST", "/logout", "", "", cookie);

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(send("GET", "/me", "", "", cookie).statusCode()).isEqualTo(401);
        assertThat(store.size()).isZero();
    }

    @Test
    void logoutWithoutSessionStillSucceeds() throws Exception {
        assertThat(send("POST", "/logout", "", "", "").statusCode()).isEqualTo(200);
    }

    @Test
    void storeOutageIs503OnSessionEndpoints() throws Exception {
        String cookie = sessionCookie(login("dave"));
        store.down(true);

        for (HttpResponse<String> response : java.util.List.of(
                send("GET", "/me", "", "", cookie), login("erin"), send("POST", "/logout", "", "", cookie))) {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).isEqualTo("{\"error\":\"session store unavailable\"}");
        }
    }

    @Test
    void unknownPathIs404Json() throws Exception {
        HttpResponse<String> response = get("/me/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).startsWith("{\"error\":");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> getLogin = get("/login");
        HttpResponse<String> postMe = send("POST", "/me", "", "", "");

        assertThat(getLogin.statusCode()).isEqualTo(405);
        assertThat(getLogin.headers().firstValue("Allow")).contains("POST");
        assertThat(postMe.statusCode()).isEqualTo(405);
        assertThat(postMe.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(postMe.body()).startsWith("{\"error\":");
    }

    @Test
    void headIsAnsweredLikeGetWithoutBody() throws Exception {
        HttpResponse<String> response = send("HEAD", "/healthz", "", "", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        HttpResponse<String> response = login("a".repeat(Router.MAX_BODY_BYTES));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void unsupportedLoginContentTypeIs415() throws Exception {
        assertThat(send("POST", "/login", "text/plain", "alice", "").statusCode()).isEqualTo(415);
    }
}
