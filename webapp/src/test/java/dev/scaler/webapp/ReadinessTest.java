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

/** GET /readyz of the whole app: ready only when it can serve, while /healthz says live all along. */
class ReadinessTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void notReadyWhileTheTablesWaitForTheDatabaseButLive() throws Exception {
        int closed = closedPort();
        Config config = Config.fromEnv(Map.of("SCALER_PORT", "0", "SCALER_INSTANCE", "waiting",
                "SCALER_DB_PRIMARY_URL", "jdbc:mariadb://127.0.0.1:" + closed + "/scaler", "SCALER_DB_USER", "scaler"),
                () -> "h");
        try (Application app = Application.start(config)) {
            var ready = get(app, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("tables not created yet");
            assertThat(get(app, "/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void readyAtOnceWithoutADatabase() throws Exception {
        Config config = Config.fromEnv(Map.of("SCALER_PORT", "0", "SCALER_INSTANCE", "plain",
                "SCALER_REDIS_URL", "redis://127.0.0.1:" + closedPort()), () -> "h");
        try (Application app = Application.start(config)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int status = get(app, "/readyz").statusCode();
            while (status != 200 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                status = get(app, "/readyz").statusCode();
            }
            assertThat(status).as("ready without Redis answering: readiness does not ask Redis").isEqualTo(200);
        }
    }

    @Test
    void notReadyOnceStopping() {
        var readiness = Readiness.always();
        assertThat(readiness.notReady()).isEmpty();
        readiness.stopping();
        assertThat(readiness.notReady()).contains("shutting down");
    }

    private HttpResponse<String> get(Application app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
