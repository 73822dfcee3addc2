package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.monitor.Snapshot;
import dev.scaler.monitor.Vitals;
import dev.scaler.report.Event;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** What `scaler top` draws: a title, faults in progress, one line per container, containers in trouble in red. */
class TopScreenTest {
    static Vitals vitals(String name, String state, String status) {
        var none = OptionalDouble.empty();
        return new Vitals(name, "web", "replica", state, "healthy", status, OptionalDouble.of(12.5), none, none, none,
                none, none, none, none, none, none, none, none, none, none, none, Optional.empty(), none, none,
                List.of());
    }

    @Test
    void faultsInProgressAreShownAboveTheTableAndTroubleIsRed() {
        var snapshot = new Snapshot(0, 42, List.of(vitals("p-web-1", "running", Vitals.OK),
                vitals("p-web-2", "exited", "exited")));
        var lines = TopCommand.screen("p", snapshot, List.of(Event.fault(12.0, "kill", "web[2]")), Optional.empty(), 200);
        assertThat(lines.get(0).toString()).matches("scaler top  p  \\d\\d:\\d\\d:\\d\\d  2 containers, 1 need attention.*")
                .contains("sample took 42 ms");
        assertThat(lines.get(1).toString()).isEqualTo("FAULT in progress: kill web[2] at 12.0s of the run");
        assertThat(lines.get(3).toString()).startsWith("CONTAINER");
        assertThat(lines.get(4).toString()).startsWith("p-web-1").contains("12.5");
        assertThat(lines.get(5).toString()).startsWith("p-web-2").contains("! exited");
        long red = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).getStyle();
        assertThat(lines.get(5).styleAt(0).getStyle()).isEqualTo(red);
        assertThat(lines.get(4).styleAt(0).getStyle()).isNotEqualTo(red);
        assertThat(TopCommand.screen("p", snapshot, List.of(), Optional.empty(), 20).get(4).length()).as("cut to the width")
                .isLessThanOrEqualTo(20);
    }

    @Test
    void toxicsInEffectAreShownFromToxiproxysOwnAnswerAboveTheRunsJournal() {
        var none = OptionalDouble.empty();
        var proxy = new Vitals("p-proxy", "proxy", "proxy", "running", "-", Vitals.OK, none, none, none, none, none,
                none, none, none, none, none, none, none, none, none, none, Optional.empty(), none,
                OptionalDouble.of(1), List.of("cache-1: scaler-2-latency=latency(latency=200,jitter=20) downstream"));
        var lines = TopCommand.screen("p", new Snapshot(0, 3, List.of(proxy)),
                List.of(Event.fault(4.0, "kill", "web[1]")), Optional.empty(), 200);
        assertThat(lines.get(1).toString()).isEqualTo(
                "FAULT in effect on p-proxy: cache-1: scaler-2-latency=latency(latency=200,jitter=20) downstream");
        assertThat(lines.get(2).toString()).isEqualTo("FAULT in progress: kill web[1] at 4.0s of the run");
        assertThat(lines.get(5).toString()).startsWith("p-proxy").contains("! 1 fault: cache-1: scaler-2-latency");
    }

    @Test
    void theAutoscalersLastDecisionIsALineAboveTheTable() {
        var snapshot = new Snapshot(0, 5, List.of(vitals("p-web-1", "running", Vitals.OK)));
        String said = "AUTOSCALER (pid 7): web scale-up 1 -> 3: 95 requests/s per replica against 40/s (10:00:01)";
        var lines = TopCommand.screen("p", snapshot, List.of(), Optional.of(said), 200);
        assertThat(lines.get(1).toString()).isEqualTo(said);
        assertThat(lines.get(3).toString()).startsWith("CONTAINER");
        assertThat(TopCommand.screen("p", snapshot, List.of(), Optional.empty(), 200).get(2).toString())
                .as("no line without an autoscaler").startsWith("CONTAINER");
    }
}
