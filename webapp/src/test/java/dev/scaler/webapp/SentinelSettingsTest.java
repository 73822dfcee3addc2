package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SentinelSettingsTest {
    private static Config read(Map<String, String> env) {
        return Config.fromEnv(env, () -> "h");
    }

    @Test
    void absentMeansDirectRedis() {
        assertThat(read(Map.of()).sentinel()).isEmpty();
    }

    @Test
    void readsSentinelsMasterAndDefaultPort() {
        SentinelSettings s = read(Map.of(
                "SCALER_REDIS_SENTINELS", "s1:26379, s2:26380,s3,[::1]:26381",
                "SCALER_REDIS_MASTER", "shop-cache",
                "SCALER_REDIS_SENTINEL_PASSWORD", "sp")).sentinel().orElseThrow();

        assertThat(s.sentinels()).containsExactly(
                new RedisEndpoint("s1", 26379), new RedisEndpoint("s2", 26380), new RedisEndpoint("s3", 26379),
                new RedisEndpoint("::1", 26381));
        assertThat(s.master()).isEqualTo("shop-cache");
        assertThat(s.sentinelPassword()).contains("sp");
        assertThat(s.toString()).doesNotContain("sp]").contains("sentinelPassword=***");
    }

    @Test
    void sentinelsAndMasterComeTogether() {
        assertThatThrownBy(() -> read(Map.of("SCALER_REDIS_SENTINELS", "s1:26379")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("SCALER_REDIS_SENTINELS and SCALER_REDIS_MASTER must be set together"));
        assertThatThrownBy(() -> read(Map.of("SCALER_REDIS_MASTER", "m"))).isInstanceOf(ConfigException.class);
    }

    @Test
    void badEntriesAreReported() {
        assertThatThrownBy(() -> read(Map.of("SCALER_REDIS_SENTINELS", "s1:0,s2:x,:1", "SCALER_REDIS_MASTER", "bad name")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(4));
    }
}
