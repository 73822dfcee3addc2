package dev.scaler.report;

import dev.scaler.state.RunStore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.load.FailureKind;
import dev.scaler.load.LoadResult;
import dev.scaler.load.Verification;
import dev.scaler.monitor.Snapshot;
import dev.scaler.monitor.Vitals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples stored with a run come back, land in their windows, and show min..max by phase in every format. */
class VitalSignsTest {
    static final long START = Instant.parse("2026-11-25T16:15:00Z").toEpochMilli();

    static Vitals lb(double up) {
        var none = OptionalDouble.empty();
        return new Vitals("m-lb-1", "lb", "lb", "running", "healthy", Vitals.OK, none, none, none, none, none, none,
                none, OptionalDouble.of(up), OptionalDouble.of(3 - up), OptionalDouble.of(4), none, none, none, none,
                none, Optional.empty(), none, none, List.of());
    }

    static Vitals replica(double lag) {
        var none = OptionalDouble.empty();
        return new Vitals("m-db-2", "database", "replica of m-db-1", "running", "healthy", Vitals.OK, none, none, none,
                none, none, none, none, none, none, none, none, none, none, none, OptionalDouble.of(lag),
                Optional.of("0-1-42"), OptionalDouble.of(3), none, List.of());
    }

    /** A sample each second (and one in the warm-up, before the clock): backends drop to 2 and lag rises during the fault. */
    static List<Snapshot> samples(int seconds) {
        var out = new ArrayList<Snapshot>();
        out.add(new Snapshot(START - 500, 4, List.of(lb(3), replica(0))));
        for (int k = 0; k < seconds; k++) {
            boolean fault = k >= 3 && k < 6;
            out.add(new Snapshot(START + k * 1000L + 300, 10 + k, List.of(lb(fault ? 2 : 3), replica(fault ? k : 0))));
        }
        return out;
    }

    @Test
    void samplesLandInTheirWindowsAndGiveMinAndMaxByPhase() {
        var run = new Run(Timelines.info(Map.of()), List.of(Event.fault(3.0, "kill", "web[2]"), Event.heal(6.0, "web[2]")),
                Timelines.outage(12, 50, 3.0, 3.5, FailureKind.REFUSED, 2000), Verification.NONE, samples(12));
        var vitals = Analysis.analyse(run).vitals();
        assertThat(vitals.samples()).isEqualTo(13);
        var backends = vitals.series().stream().filter(s -> s.signal().equals("backendsUp")).findFirst().orElseThrow();
        assertThat(backends.values()).hasSize(12).containsExactly(3.0, 3.0, 3.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0,
                3.0, 3.0);
        assertThat(backends.phases()).containsExactly(new Report.Range("whole", 2.0, 3.0),
                new Report.Range("baseline", 3.0, 3.0), new Report.Range("fault", 2.0, 2.0),
                new Report.Range("recovery", 3.0, 3.0));
        var lag = vitals.series().stream().filter(s -> s.signal().equals("replicaLagSeconds")).findFirst().orElseThrow();
        assertThat(lag.phases().get(2)).isEqualTo(new Report.Range("fault", 3.0, 5.0));
        assertThat(vitals.series()).extracting(Report.SignalSeries::signal).as("only tiers the samples have")
                .containsExactly("backendsUp", "replicaLagSeconds", "containersSilent");
        assertThat(vitals.maxCostMs()).isEqualTo(21.0);

        var report = Analysis.analyse(run);
        assertThat(TextReport.render(report)).contains("vital signs, min..max (13 samples")
                .contains("lb: web backends up (worst load balancer)").contains("2..3")
                .contains("database: largest replica lag (database and shards)");
        assertThat(MarkdownReport.render(report)).contains("| vital signs, min..max | whole | baseline | fault | recovery |")
                .contains("| lb: web backends up (worst load balancer) | 2..3 | 3 | 2 | 3 |");
        String html = HtmlReport.render(report);
        dev.scaler.cli.HtmlAssert.selfContained(html);
        assertThat(html).contains("Load balancers: vital signs per second").contains("Database and shards: vital signs");
    }

    static Vitals node(String name, String role, String status) {
        var none = OptionalDouble.empty();
        var lag = role.startsWith("replica") ? OptionalDouble.of(0) : none;
        return new Vitals(name, "database", role, "running", "healthy", status, none, none, none, none, none, none,
                none, none, none, none, none, none, none, none, lag, Optional.empty(), none, none, List.of());
    }

    @Test
    void aPromotionIsTimedByTheFirstSampleInWhichTheServerSaidItAndDrawnOnTheDatabasePanel() {
        var samples = new ArrayList<Snapshot>();
        for (int k = 0; k < 12; k++) {
            String was = k < 5 ? "replica of m-db-1" : "primary";
            var one = k < 3 ? node("m-db-1", "primary", Vitals.OK) : k < 8 ? node("m-db-1", "primary", "exited")
                    : node("m-db-1", "replica of m-db-2", Vitals.OK);
            samples.add(new Snapshot(START + k * 1000L + 300, 5, List.of(one, node("m-db-2", was, Vitals.OK),
                    node("m-db-3", k < 6 ? "replica of m-db-1" : "replica of m-db-2", Vitals.OK))));
        }
        var run = new Run(Timelines.info(Map.of()), List.of(Event.fault(2.5, "kill", "database.primary")),
                Timelines.outage(12, 50, 3.0, 3.5, FailureKind.REFUSED, 2000), Verification.NONE, samples);
        var report = Analysis.analyse(run);
        assertThat(report.vitals().roleChanges()).containsExactly(
                new Report.RoleChange(5.3, "m-db-2", "database", "replica of m-db-1", "primary"),
                new Report.RoleChange(6.3, "m-db-3", "database", "replica of m-db-1", "replica of m-db-2"),
                new Report.RoleChange(8.3, "m-db-1", "database", "primary", "replica of m-db-2"));
        assertThat(TextReport.render(report)).contains("roles, as the servers said them")
                .containsPattern("5\\.3s\\s+m-db-2\\s+replica of m-db-1\\s+primary");
        String html = HtmlReport.render(report);
        assertThat(html).contains("m-db-2 \u2192 primary").contains("m-db-1 \u2192 replica of m-db-2")
                .as("the replica that follows the new primary is in the text, not drawn")
                .doesNotContain("m-db-3 \u2192");
    }

    @Test
    void labelsAndTiersWithoutAnOwnRoleChangeNothing() {
        var none = OptionalDouble.empty();
        var samples = List.of(0, 1).stream().map(k -> new Snapshot(START + k * 1000L, 1, List.of(
                new Vitals("m-web-1", "web", k == 0 ? "replica" : "primary", "running", "healthy", Vitals.OK, none, none,
                        none, none, none, none, none, none, none, none, none, none, none, none, none, Optional.empty(),
                        none, none, List.of())))).toList();
        assertThat(RoleChanges.of(samples, START, 5)).isEmpty();
    }

    @Test
    void aRunWithoutSamplesHasNoVitalSigns() {
        var report = Analysis.analyse(new Run(Timelines.info(Map.of()), List.of(), Timelines.outage(5, 10, 9, 9,
                FailureKind.REFUSED, 1000), Verification.NONE));
        assertThat(report.vitals().samples()).isZero();
        assertThat(report.vitals().series()).isEmpty();
        assertThat(TextReport.render(report)).doesNotContain("vital signs");
    }

    @Test
    void samplesAreStoredAsTheyComeAndReadBack(@TempDir Path dir) throws Exception {
        var store = new RunStore(dir.resolve("runs"));
        RunInfo info = Timelines.info(Map.of());
        store.create(info);
        samples(4).forEach(s -> store.appendSample(info.id(), s));
        store.finish(info, new LoadResult(Instant.ofEpochMilli(START), 4.0, Timelines.outage(4, 10, 9, 9,
                FailureKind.REFUSED, 1000), List.of(), Verification.NONE));
        String line = Files.readAllLines(store.dir(info.id()).resolve(RunStore.SAMPLES)).get(1);
        assertThat(line).contains("\"container\":\"m-lb-1\"").contains("\"backendsUp\":3.0")
                .as("empty signs are left out").doesNotContain("requestsPerSecond").doesNotContain("faults");
        Run back = store.load(info.id());
        assertThat(back.samples()).isEqualTo(samples(4));
    }

    @Test
    void faultsInProgressAreThoseNotYetHealed() {
        var events = List.of(new Event(0, Event.START, "", "", ""), Event.fault(2, "kill", "database.primary"),
                Event.fault(4, "latency", "cache"), Event.heal(6, "cache"));
        assertThat(OpenFaults.of(events)).containsExactly(Event.fault(2, "kill", "database.primary"));
    }
}
