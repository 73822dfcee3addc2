package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    private static Config fromEnv(Map<String, String> env) {
        return Config.fromEnv(env, () -> "host-from-dns");
    }

    @Test
    void emptyEnvironmentGivesDefaults() {
        Config config = fromEnv(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.instance()).isEqualTo("host-from-dns");
        assertThat(config.datacenter()).isEqualTo("dc1");
        assertThat(config.redis()).isEqualTo(new RedisEndpoint("localhost", 6379));
        assertThat(config.redisPassword()).isEmpty();
    }

    @Test
    void readsEveryVariable() {
        Config config = fromEnv(Map.of(
                "SCALER_PORT", "9090",
                "SCALER_INSTANCE", "shop-web-2",
                "SCALER_DATACENTER", "eu-west",
                "SCALER_REDIS_URL", "redis://shop-cache:6380",
                "SCALER_REDIS_PASSWORD", "s3cret"));

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.instance()).isEqualTo("shop-web-2");
        assertThat(config.datacenter()).isEqualTo("eu-west");
        assertThat(config.redis()).isEqualTo(new RedisEndpoint("shop-cache", 6380));
        assertThat(config.redisPassword()).contains("s3cret");
    }

    @Test
    void passwordsAreReadFromTheFilesNamedByTheirFileVariables(@TempDir Path dir) throws IOException {
        Path redis = Files.writeString(dir.resolve("redis.password"), "r3dis\n");
        Path db = Files.writeString(dir.resolve("db.password"), "d4tabase");
        Config config = fromEnv(Map.of("SCALER_REDIS_PASSWORD_FILE", redis.toString(),
                "SCALER_DB_PRIMARY_URL", "jdbc:mariadb://db:3306/scaler", "SCALER_DB_USER", "app",
                "SCALER_DB_PASSWORD_FILE", db.toString()));

        assertThat(config.redisPassword()).contains("r3dis");
        assertThat(config.database().password()).contains("d4tabase");
    }

    @Test
    void aPasswordGivenTwiceOrInAFileThatCannotBeReadIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("redis.password"), "r3dis");
        assertThatThrownBy(() -> fromEnv(Map.of("SCALER_REDIS_PASSWORD", "other",
                "SCALER_REDIS_PASSWORD_FILE", file.toString())))
                .hasMessageContaining("both SCALER_REDIS_PASSWORD and SCALER_REDIS_PASSWORD_FILE are set");
        assertThatThrownBy(() -> fromEnv(Map.of("SCALER_DB_PASSWORD_FILE", dir.resolve("missing").toString())))
                .hasMessageContaining("SCALER_DB_PASSWORD_FILE: cannot read " + dir.resolve("missing"));
    }

    @Test
    void instanceFallsBackToHostnameVariableBeforeDns() {
        assertThat(fromEnv(Map.of("HOSTNAME", "c0ffee123456")).instance()).isEqualTo("c0ffee123456");
    }

    @Test
    void redisPortDefaultsTo6379() {
        assertThat(fromEnv(Map.of("SCALER_REDIS_URL", "redis://cache")).redis().port()).isEqualTo(6379);
    }

    @Test
    void blankValuesCountAsUnset() {
        Config config = fromEnv(Map.of("SCALER_PORT", " ", "SCALER_REDIS_PASSWORD", ""));

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.redisPassword()).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, String> env = Map.of(
                "SCALER_PORT", "eighty",
                "SCALER_INSTANCE", "web 1",
                "SCALER_DATACENTER", "dc/1",
                "SCALER_REDIS_URL", "http://cache:6379");

        assertThatThrownBy(() -> fromEnv(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .hasSize(4)
                        .anySatisfy(p -> assertThat(p).startsWith("SCALER_PORT"))
                        .anySatisfy(p -> assertThat(p).startsWith("SCALER_INSTANCE"))
                        .anySatisfy(p -> assertThat(p).startsWith("SCALER_DATACENTER"))
                        .anySatisfy(p -> assertThat(p).startsWith("SCALER_REDIS_URL")));
    }

    @Test
    void rejectsPortOutOfRange() {
        assertThatThrownBy(() -> fromEnv(Map.of("SCALER_PORT", "70000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("0..65535");
    }

    @Test
    void refusesCredentialsInTheUrlWithoutEchoingThem() {
        assertThatThrownBy(() -> fromEnv(Map.of("SCALER_REDIS_URL", "redis://:hunter2@cache:6379")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SCALER_REDIS_PASSWORD")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void toStringHidesThePassword() {
        Config config = fromEnv(Map.of("SCALER_REDIS_PASSWORD", "hunter2"));

        assertThat(config.toString()).doesNotContain("hunter2").contains("redis://localhost:6379");
    }

    @Test
    void endpointPrintsAsUrl() {
        assertThat(new RedisEndpoint("cache", 6379)).hasToString("redis://cache:6379");
        assertThat(new RedisEndpoint("::1", 6379)).hasToString("redis://[::1]:6379");
    }

    @Test
    void ipv6HostLosesItsBrackets() {
        assertThat(fromEnv(Map.of("SCALER_REDIS_URL", "redis://[::1]:7000")).redis())
                .isEqualTo(new RedisEndpoint("::1", 7000));
    }

    @Test
    void constructorRejectsUnsafeInstanceNames() {
        assertThatThrownBy(() -> new Config(8080, "web\r\nX-Evil: 1", "dc1", new RedisEndpoint("h", 1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheCdnUrlWithoutItsTrailingSlash() {
        assertThat(fromEnv(Map.of("SCALER_CDN_URL", "http://127.0.0.1:8180/assets/")).cdnUrl())
                .contains("http://127.0.0.1:8180/assets");
        assertThat(fromEnv(Map.of()).cdnUrl()).isEmpty();
    }

    @Test
    void refusesACdnUrlThatCouldBreakOutOfAnHtmlAttribute() {
        assertThatThrownBy(() -> fromEnv(Map.of("SCALER_CDN_URL", "http://x/\"><script>")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SCALER_CDN_URL");
        assertThatThrownBy(() -> fromEnv(Map.of("SCALER_CDN_URL", "ftp://cdn/assets")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SCALER_CDN_URL");
    }
}
