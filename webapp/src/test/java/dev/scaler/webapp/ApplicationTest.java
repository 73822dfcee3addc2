package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole app wired from the environment, with nothing to talk to: it must start, stay live and fail fast. */
class ApplicationTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void startsAndServesHealthzWithNoRedisSentinelOrDatabaseUp() throws Exception {
        int closed = closedPort();
        Config config = Config.fromEnv(Map.of(
                "SCALER_PORT", "0",
                "SCALER_INSTANCE", "lonely",
                "SCALER_REDIS_SENTINELS", "127.0.0.1:" + closed,
                "SCALER_REDIS_MASTER", "mymaster",
                "SCALER_DB_PRIMARY_URL", "jdbc:mariadb://127.0.0.1:" + closed + "/scaler",
                "SCALER_SHARD_URLS", "jdbc:mariadb://127.0.0.1:" + closed + "/s0,jdbc:mysql://127.0.0.1:" + closed + "/s1",
                "SCALER_DB_USER", "scaler"), () -> "h");

        long started = System.nanoTime();
        try (Application app = Application.start(config)) {
            // Hang guards, not speed claims: a start or a login that waits for the missing servers would
            // take minutes (retries); a busy CI machine may take several seconds for honest work.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            assertThat(get(app, "/healthz").statusCode()).isEqualTo(200);

            long before = System.nanoTime();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("user=alice")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(15));
            assertThat(get(app, "/notes").statusCode()).as("no session without Redis").isEqualTo(503);
            assertThat(get(app, "/healthz").statusCode()).isEqualTo(200);
            assertThat(app.awaitSchema(Duration.ofMillis(100))).as("schema still waiting").isFalse();
        }
    }

    private HttpResponse<String> get(Application app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Cookie", "SCALER_SESSION=AAAAAAAAAAAAAAAAAAAAAA").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // free once closed: connections are refused at once
        }
    }
}
