package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.EngineIT;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `scaler export --format compose` of topologies/web-tier.yaml run by docker-compose alone (no scaler involved after
 * the export), with the offline images: the load balancer answers from every web replica, and `down -v` leaves nothing.
 */
class ExportComposeIT extends EngineIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String PROJECT = "export-it-web-tier";

    @TempDir
    Path dir;

    @Test
    void theExportedWebTierRunsUnderDockerComposeAndBalancesOverEveryReplica() throws Exception {
        Path out = dir.resolve("web-tier-compose");
        var export = Scaler.run("export", dev.scaler.Repository.root().resolve("topologies/web-tier.yaml").toString(), "--images", "offline",
                "--format", "compose", "--out", out.toString());
        assertThat(export.code()).as(export.transcript()).isZero();
        int port = freePort();
        var env = Map.of("WEB_TIER_LB_1_PORT", Integer.toString(port));
        compose(out, env, "down", "-v");
        try {
            compose(out, env, "up", "-d");
            Set<String> seen = new TreeSet<>();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            // Replicas join the load balancer as their health checks pass; wait until each has answered once.
            while (seen.size() < 3 && Instant.now().isBefore(deadline)) {
                whoami(port).ifPresent(seen::add);
                Thread.sleep(200);
            }
            assertThat(seen).containsExactly("web-tier-web-1", "web-tier-web-2", "web-tier-web-3");
            assertThat(compose(out, env, "ps")).contains("(healthy)").doesNotContain("unhealthy");
        } finally {
            compose(out, env, "down", "-v");
        }
        assertThat(docker("ps", "-a", "-q", "--filter", "label=com.docker.compose.project=" + PROJECT)).isEmpty();
        assertThat(docker("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + PROJECT)).isEmpty();
    }

    private static java.util.Optional<String> whoami(int port) {
        try {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.headers().firstValue("X-Scaler-Instance") : java.util.Optional.empty();
        } catch (IOException | InterruptedException e) {
            return java.util.Optional.empty();
        }
    }

    private static String compose(Path dir, Map<String, String> env, String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("docker-compose", "-p", PROJECT));
        command.addAll(List.of(args));
        return run(dir, env, command);
    }

    private static String docker(String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return run(Path.of("."), Map.of(), command).strip();
    }

    private static String run(Path dir, Map<String, String> env, List<String> command) throws Exception {
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        var process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
