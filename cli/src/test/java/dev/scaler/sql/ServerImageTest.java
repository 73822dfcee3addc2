package dev.scaler.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerImageTest {

    @Test
    void environmentUsesTheNamesAllThreeImagesRead() {
        assertThat(ServerImage.environment("r", "shop", "app", "p")).containsExactly(
                java.util.Map.entry("MYSQL_ROOT_PASSWORD", "r"), java.util.Map.entry("MYSQL_DATABASE", "shop"),
                java.util.Map.entry("MYSQL_USER", "app"), java.util.Map.entry("MYSQL_PASSWORD", "p"));
    }

    @Test
    void healthCheckIsABashCommandOverTcpWithThePasswordFromTheFileTheEnvironmentNames() {
        assertThat(ServerImage.HEALTH_CHECK).hasSize(3).startsWith("bash", "-c");
        assertThat(ServerImage.HEALTH_CHECK.get(2))
                .contains("command -v mariadb || command -v mysql", "--protocol=TCP -h127.0.0.1",
                        "$(cat \"${MARIADB_ROOT_PASSWORD_FILE:-$MYSQL_ROOT_PASSWORD_FILE}\")", "--defaults-extra-file=<(")
                .doesNotContain("-p\"");
    }

    @Test
    void configAndSourceAreChecked() {
        assertThatThrownBy(() -> ServerConfig.replica(0)).hasMessageContaining("server id");
        assertThatThrownBy(() -> ServerConfig.replica(1).withSemiSync(Duration.ZERO)).hasMessageContaining("semi-sync");
        assertThatThrownBy(() -> ServerConfig.replica(1).withNetTimeout(Duration.ofMillis(500)))
                .hasMessageContaining("net timeout");
        assertThatThrownBy(() -> ServerConfig.replica(1).withReportHost("a b")).hasMessageContaining("host");
        assertThatThrownBy(() -> Source.of("db-1'", "repl", "x")).hasMessageContaining("host");
        assertThatThrownBy(() -> new Source("db-1", 0, "repl", "x", Duration.ofSeconds(1))).hasMessageContaining("port");
        assertThatThrownBy(() -> new Source("db-1", 3306, "repl", "x", Duration.ZERO)).hasMessageContaining("heartbeat");
    }
}
