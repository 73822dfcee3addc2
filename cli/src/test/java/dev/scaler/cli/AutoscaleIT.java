package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `scaler load --autoscale` on a real web tier: a stage ramp makes the autoscaler add replicas, the load's fall
 * makes it remove them after its window, and no request fails; with max at the current count the same ramp leaves
 * each replica far above its target, and the report says so (the negative control).
 */
class AutoscaleIT extends ProjectIT {
    @Override
    String project() {
        return "it-autoscale";
    }

    private Path topology(int max) throws Exception {
        Path file = dir.resolve("it-autoscale.yaml");
        Files.writeString(file, "name: it-autoscale\nimages: offline\nloadBalancer: { port: " + port + " }\n"
                + "web:\n  replicas: 1\n  autoscale:\n    min: 1\n    max: " + max + "\n"
                + "    target: { requestsPerReplica: 40/s }\n    scaleUp: { window: 0s, step: 2 }\n"
                + "    scaleDown: { window: 10s, step: 2 }\ncache: {}\n");
        return file;
    }

    private long webReplicas() {
        return docker.containers(project()).stream().filter(c -> c.running() && "web".equals(c.tier())).count();
    }

    private static List<JsonNode> scaleEvents(JsonNode report) {
        var events = new ArrayList<JsonNode>();
        report.path("events").forEach(e -> {
            if (e.path("type").asText().equals("scale")) {
                events.add(e);
            }
        });
        return events;
    }

    @Test
    void scalesUpUnderARampAndBackDownAfterTheWindowWithoutAFailedRequest() throws Exception {
        var up = Scaler.run("up", topology(3).toString());
        assertThat(up.code()).as(up.transcript()).isZero();

        // 20/s, a climb (5-8 s) to 120/s held to 23 s, a fall to 20/s by 25 s, held 25 s: 50 s
        var load = Scaler.run("load", "it-autoscale", "--autoscale", "--stages", "0s:20,5s:20,3s:120,15s:120,2s:20,25s:20",
                "--journeys", "browse=1", "--seed", "7");
        assertThat(load.code()).as(load.transcript()).isZero();
        var report = new ObjectMapper().readTree(Scaler.run("report", "--format", "json").out());
        assertThat(report.path("whole").path("failed").asLong()).as(load.transcript()).isZero();
        assertThat(report.path("whole").path("dropped").asLong()).isZero();
        assertThat(report.path("whole").path("attempts").asLong()).isGreaterThan(2000);

        var events = scaleEvents(report);
        var actions = events.stream().map(e -> e.path("action").asText()).toList();
        assertThat(actions).as("%s", events).containsSubsequence("scale-up", "scaled", "scale-down", "scaled");
        JsonNode firstUp = events.stream().filter(e -> e.path("action").asText().equals("scale-up")).findFirst()
                .orElseThrow();
        assertThat(firstUp.path("detail").asText()).contains("requests/s per replica").contains("against 40/s");
        assertThat(firstUp.path("t").asDouble()).as("after the climb begins at 5 s").isGreaterThan(5);
        JsonNode firstDown = events.stream().filter(e -> e.path("action").asText().equals("scale-down")).findFirst()
                .orElseThrow();
        // The fall runs from 23 s to 25 s; below 80/s (t = 23.8 s) two replicas would do, so the 10 s window
        // cannot end before 33.8 s. Without the window the first scale-down would come at about 24 s.
        assertThat(firstDown.path("t").asDouble()).as("not before 10 s of low readings after the fall begins at 23 s")
                .isGreaterThan(33);
        assertThat(firstDown.path("detail").asText()).contains("the highest over the last 10s is");
        assertThat(webReplicas())
                .as("back to min").isEqualTo(1);

        Path html = dir.resolve("autoscale.html");
        assertThat(Scaler.run("report", "--format", "html", "--out", html.toString()).code()).isZero();
        assertThat(Files.readString(html)).contains("Autoscaling: web replicas against load and p99")
                .contains("<polyline class=\"replicas\"");

        // The negative control: max at the current count; the ramp leaves the one replica far above its target.
        var capped = Scaler.run("up", topology(1).toString());
        assertThat(capped.code()).as(capped.transcript()).isZero();
        var held = Scaler.run("load", "it-autoscale", "--autoscale", "--stages", "0s:120,10s:120", "--journeys",
                "browse=1", "--seed", "8");
        assertThat(held.code()).as(held.transcript()).isZero();
        var heldReport = new ObjectMapper().readTree(Scaler.run("report", "--format", "json").out());
        var heldEvents = scaleEvents(heldReport);
        assertThat(heldEvents).extracting(e -> e.path("action").asText()).containsOnly("hold");
        assertThat(heldEvents.get(0).path("detail").asText()).startsWith("at max 1: requests/s per replica")
                .contains("against 40/s: ceil(1 x");
        assertThat(webReplicas()).isEqualTo(1);

        assertThat(Scaler.run("down", "it-autoscale").code()).isZero();
    }
}
