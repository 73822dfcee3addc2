package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SCALER_QUEUE_* and SCALER_WORKER_* env contract. */
class QueueSettingsTest {
    @Test
    void readsTheWholeContract(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("queue-password"), "s3cret\n");
        List<String> problems = new ArrayList<>();

        QueueSettings q = QueueSettings.fromEnv(Map.of("SCALER_QUEUE_ADDRESSES", "p-queue-1:5672, p-queue-2:25672",
                "SCALER_QUEUE_USER", "scaler", "SCALER_QUEUE_PASSWORD_FILE", secret.toString(),
                "SCALER_QUEUE_NAME", "jobs", "SCALER_QUEUE_TYPE", "quorum", "SCALER_QUEUE_VHOST", "/"), problems).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(q.nodes()).containsExactly(new QueueSettings.Node("p-queue-1", 5672), new QueueSettings.Node("p-queue-2", 25672));
        assertThat(q.password()).isEqualTo("s3cret");
        assertThat(q.type()).isEqualTo(QueueSettings.QueueType.QUORUM);
        assertThat(q.toString()).doesNotContain("s3cret");
    }

    @Test
    void noAddressesIsNoQueue() {
        List<String> problems = new ArrayList<>();
        assertThat(QueueSettings.fromEnv(Map.of("SCALER_QUEUE_TYPE", "quorum"), problems)).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void badValuesAreAllNamed() {
        List<String> problems = new ArrayList<>();
        assertThat(QueueSettings.fromEnv(Map.of("SCALER_QUEUE_ADDRESSES", "q1:x,:5672", "SCALER_QUEUE_TYPE", "stream"),
                problems)).isEmpty();
        assertThat(problems).hasSize(3).anyMatch(p -> p.contains("'q1:x'")).anyMatch(p -> p.contains("':5672'"))
                .anyMatch(p -> p.contains("SCALER_QUEUE_TYPE must be quorum or classic, got 'stream'"));
    }

    @Test
    void aWorkerNeedsAQueueAndADatabase() {
        assertThatThrownBy(() -> WorkerSettings.fromEnv(Map.of("SCALER_WORKER_PREFETCH", "0"), () -> "w1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SCALER_QUEUE_ADDRESSES must name")
                .hasMessageContaining("SCALER_DB_PRIMARY_URL or SCALER_SHARD_URLS must be set")
                .hasMessageContaining("SCALER_WORKER_PREFETCH must be a whole number 1..65535, got '0'");

        WorkerSettings w = WorkerSettings.fromEnv(Map.of("SCALER_QUEUE_ADDRESSES", "q:5672",
                "SCALER_SHARD_URLS", "jdbc:mariadb://s0:3306/app", "SCALER_DB_USER", "app",
                "SCALER_WORKER_PREFETCH", "20", "SCALER_WORKER_CONCURRENCY", "2"), () -> "w1");
        assertThat(w.prefetch()).isEqualTo(20);
        assertThat(w.concurrency()).isEqualTo(2);
        assertThat(w.instance()).isEqualTo("w1");
    }
}
