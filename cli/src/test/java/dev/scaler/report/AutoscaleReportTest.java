package dev.scaler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.load.FailureKind;
import dev.scaler.load.Verification;
import dev.scaler.monitor.Snapshot;
import dev.scaler.monitor.Vitals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The autoscaler's decisions in a report: events that are not faults, and the replicas drawn against load and p99. */
class AutoscaleReportTest {
    private static Vitals web(int i) {
        var none = OptionalDouble.empty();
        return new Vitals("m-web-" + i, "web", "web", "running", "healthy", Vitals.OK, OptionalDouble.of(50), none,
                OptionalDouble.of(12), none, none, none, none, none, none, none, none, none, none, none, none,
                Optional.empty(), none, none, List.of());
    }

    /** Two replicas, three from second 4 on. */
    private static List<Snapshot> samples(int seconds) {
        var out = new ArrayList<Snapshot>();
        for (int k = 0; k < seconds; k++) {
            var replicas = new ArrayList<Vitals>(List.of(web(1), web(2)));
            if (k >= 4) {
                replicas.add(web(3));
            }
            out.add(new Snapshot(VitalSignsTest.START + k * 1000L + 300, 5, replicas));
        }
        return out;
    }

    @Test
    void decisionsAreDrawnWithTheReplicaCountAndAreNoFault() {
        var events = List.of(
                new Event(2.0, Event.SCALE, "scale-up", "web", "requests/s per replica 140/s against 100/s: ceil(2 x 140 / 100) = 3 (2 -> 3)"),
                new Event(4.0, Event.SCALE, "scaled", "web", "web 2 -> 3 replicas, serving after 2.0s"));
        var run = new Run(Timelines.info(Map.of()), events, Timelines.outage(8, 50, 0, 0, FailureKind.REFUSED, 2000),
                Verification.NONE, samples(8));
        var report = Analysis.analyse(run);
        assertThat(report.faults()).as("a decision is not a fault").isEmpty();
        var replicas = report.vitals().series().stream().filter(s -> s.signal().equals("webReplicas")).findFirst()
                .orElseThrow();
        assertThat(replicas.values()).containsExactly(2.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0);
        String html = HtmlReport.render(report);
        assertThat(html).contains("Autoscaling: web replicas against load and p99")
                .contains("<polyline class=\"replicas\"").contains("class=\"decision-line\"")
                .contains("scale-up at 2.0s: requests/s per replica 140/s against 100/s");
        var noDecision = Analysis.analyse(new Run(Timelines.info(Map.of()), List.of(),
                Timelines.outage(8, 50, 0, 0, FailureKind.REFUSED, 2000), Verification.NONE, samples(8)));
        assertThat(HtmlReport.render(noDecision)).doesNotContain("Autoscaling:");
    }
}
