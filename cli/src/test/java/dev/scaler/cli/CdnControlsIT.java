package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * cdn-origin-down can fail: with the caching edge, MinIO's outage leaves the pages' assets served (exit 0); the same
 * project brought up again with `edge.cache: false`, the same fault makes the assets unavailable (exit 1). The
 * experiment is the built-in with its schedule shortened.
 */
class CdnControlsIT extends ProjectIT {
    private static final String PROJECT = "cdn-controls-it";

    @Override
    String project() {
        return PROJECT;
    }

    @Override
    int[] alsoFree() {
        return new int[] {100};
    }

    private void up(boolean edge) throws Exception {
        Path file = dir.resolve("cdn.yaml");
        Files.writeString(file, """
                name: %s
                images: offline
                loadBalancer: { port: %d }
                web: { replicas: 1 }
                cdn:
                  assets: %s
                  edge: { cache: %s, ttl: 60s }
                """.formatted(PROJECT, port, Path.of("../topologies/assets").toAbsolutePath().normalize(), edge));
        var up = Scaler.run("up", "--timeout", "180", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();
    }

    /** The whole run's asset figures of a finished chaos run. */
    private static JsonNode assetsOf(Scaler.Result run) {
        return ChaosOutcome.of(run).report().get("assets").get(0);
    }

    @Test
    void theEdgeServesAssetsWhileTheOriginIsDownAndWithoutItTheyAreGone() throws Exception {
        Path experiment = dir.resolve("cdn-origin-down.yaml");
        Files.writeString(experiment, """
                name: cdn-origin-down
                load: { rate: 50/s, duration: 15s, journeys: { browse: 80, login: 20 }, timeout: 2s }
                steps:
                  - at: 4s
                    stop: cdn.origin
                  - at: 12s
                    start: cdn.origin
                hypothesis:
                  availability: ">= 99%"
                  assetAvailability: ">= 99%"
                """);

        up(true);
        var cached = Scaler.run("chaos", experiment.toString(), PROJECT, "--seed", "5");
        JsonNode withEdge = assetsOf(cached);
        up(false);
        var bare = Scaler.run("chaos", experiment.toString(), PROJECT, "--seed", "5");
        JsonNode withoutEdge = assetsOf(bare);
        System.out.printf("CdnControlsIT cdn-origin-down: with the edge exit %d, assets %.2f%%; without exit %d, assets %.2f%%%n",
                cached.code(), 100 * withEdge.get("availability").asDouble(), bare.code(),
                100 * withoutEdge.get("availability").asDouble());

        assertThat(cached.code()).as(cached.transcript()).isEqualTo(ExitCode.OK);
        assertThat(withEdge.get("attempts").asLong()).as("asset requests were made").isPositive();
        assertThat(bare.code()).as(bare.transcript()).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
        assertThat(withoutEdge.get("availability").asDouble()).isLessThan(0.9);
    }
}
