package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One `scaler chaos` run as the negative-control tests read it: the exit code and the stored report (JSON), with the
 * figures the controls compare and print.
 */
record ChaosOutcome(int code, String id, JsonNode report, String transcript) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of a finished `scaler chaos` command: its stored run, read back with `scaler report`. */
    static ChaosOutcome of(Scaler.Result run) {
        String id = run.out().lines().filter(l -> l.startsWith("run ")).findFirst()
                .orElseThrow(() -> new AssertionError("no run stored: " + run.transcript())).split("[ :]")[1];
        var report = Scaler.run("report", "--run", id, "--format", "json");
        assertThat(report.code()).as(report.transcript()).isIn(ExitCode.OK, ExitCode.HYPOTHESIS_FAILED);
        try {
            return new ChaosOutcome(run.code(), id, JSON.readTree(report.out()), run.transcript());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double availability() {
        return report.get("whole").get("availability").asDouble();
    }

    /** The availability of one phase: baseline, fault or recovery. */
    double availability(String phase) {
        for (JsonNode p : report.get("phases")) {
            if (p.get("phase").asText().equals(phase)) {
                return p.get("availability").asDouble();
            }
        }
        throw new AssertionError("no phase " + phase + " in " + report.get("phases"));
    }

    long failed() {
        return report.get("whole").get("failed").asLong();
    }

    double p99() {
        return report.get("whole").get("latency").get("p99").asDouble();
    }

    /** The worst recovery as the report words it: seconds, or "did not recover". */
    String recovery() {
        JsonNode worst = null;
        for (JsonNode f : report.get("faults")) {
            if (!f.get("recovered").asBoolean()) {
                return "did not recover";
            }
            worst = worst == null || f.get("recoverySeconds").asDouble() > worst.get("recoverySeconds").asDouble()
                    ? f : worst;
        }
        return worst == null ? "-" : "%.1f s".formatted(worst.get("recoverySeconds").asDouble());
    }

    /** Whether the hypothesis line of that name held. */
    boolean held(String line) {
        for (JsonNode h : report.get("hypothesis")) {
            if (h.get("name").asText().equals(line)) {
                return h.get("passed").asBoolean();
            }
        }
        throw new AssertionError("no hypothesis line " + line + " in " + report.get("hypothesis"));
    }

    String figures() {
        return "exit %d, availability %.2f%% (%d failed; fault phase %.2f%%), p99 %.1f ms, recovery %s".formatted(code,
                100 * availability(), failed(), 100 * availability("fault"), p99(), recovery());
    }
}
