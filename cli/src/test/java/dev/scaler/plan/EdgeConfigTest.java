package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EdgeConfigTest {
    private final String conf = EdgeConfig.render("shop-cdn-origin", 9000, "assets", Duration.ofMinutes(5));

    @Test
    void cachesWhatTheOriginAnswersForTheTopologysTtlWhateverItsHeadersSay() {
        assertThat(conf).contains("proxy_cache_valid 200 300s;")
                .contains("proxy_ignore_headers Cache-Control Expires Set-Cookie;")
                .contains("proxy_cache assets;");
    }

    @Test
    void servesStaleCopiesWhileTheOriginIsDownOrBeingAskedAgain() {
        assertThat(conf).contains("proxy_cache_use_stale error timeout invalid_header updating http_500 http_502 "
                + "http_503 http_504;").contains("proxy_cache_background_update on;")
                // Kept long after the ttl: the stale copy is what users get during an outage.
                .containsPattern("proxy_cache_path \\S+ .*inactive=24h");
    }

    @Test
    void resolvesTheOriginPerRequestSoARestartedOriginIsFoundAgain() {
        assertThat(conf).contains("resolver 127.0.0.11").contains("set $origin http://shop-cdn-origin:9000;")
                .contains("proxy_pass $origin;");
    }

    @Test
    void servesOnlyReadsOfTheBucketAndSaysHowItAnswered() {
        assertThat(conf).contains("location /assets/ {").contains("limit_except GET { deny all; }")
                .contains("add_header X-Cache $upstream_cache_status always;")
                .contains("proxy_set_header Cookie \"\";").contains("proxy_set_header Authorization \"\";");
    }

    @Test
    void logsEachAssetRequestsCacheStatusAndServesTheLogOnItsMonitoringPort() {
        assertThat(conf).contains("log_format cache '$upstream_cache_status $status';")
                .contains("listen " + EdgeConfig.PORT + ";").contains("listen " + EdgeConfig.MONITOR_PORT + ";")
                .contains("location = " + EdgeConfig.LOG_PATH + " {").contains("location = /healthz {");
    }

    @Test
    void ttlIsWholeSeconds() {
        assertThat(EdgeConfig.seconds(Duration.ofSeconds(1))).isEqualTo("1s");
        assertThat(EdgeConfig.seconds(Duration.ofHours(24))).isEqualTo("86400s");
    }
}
