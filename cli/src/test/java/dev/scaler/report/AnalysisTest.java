package dev.scaler.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scaler.load.FailureKind;
import dev.scaler.load.LostWrite;
import dev.scaler.load.Verification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    @Test
    void aThreeSecondOutageGivesARecoveryOfThreeSecondsWithinOneWindow() {
        var windows = Timelines.outage(30, 100, 10.0, 13.0, FailureKind.REFUSED, 5_000);
        var report = Analysis.analyse(Timelines.run(windows, List.of(Event.fault(10.0, "kill", "web[1]"),
                Event.heal(13.0, "web[1]")), Map.of()));
        assertThat(report.faults()).hasSize(1);
        var r = report.faults().get(0);
        assertThat(r.recovered()).isTrue();
        assertThat(r.recoverySeconds()).isCloseTo(3.0, within(1.0));
        assertThat(r.recoverySeconds()).isEqualTo(3.0);
        assertThat(r.recovery()).isEqualTo("3.0s");
    }

    @Test
    void anOutageThatDoesNotStartOnAWindowBoundaryIsStillWithinOneWindow() {
        var windows = Timelines.outage(30, 100, 10.3, 13.3, FailureKind.TIMEOUT, 5_000);
        var report = Analysis.analyse(Timelines.run(windows, List.of(Event.fault(10.3, "pause", "web[1]")), Map.of()));
        assertThat(report.faults().get(0).recoverySeconds()).isCloseTo(3.0, within(1.0));
    }

    @Test
    void knownCountsGiveExactAvailabilityPerWindowPerPhaseAndForTheRun() {
        var windows = List.of(Timelines.window(0, 100, 0, 0), Timelines.window(1, 90, 7, 3), Timelines.window(2, 0, 50, 50),
                Timelines.window(3, 100, 0, 0));
        var report = Analysis.analyse(Timelines.run(windows, List.of(Event.fault(1.0, "kill", "lb"),
                new Event(3.0, Event.RESTORE, "restore", "lb", "")), Map.of()));
        assertThat(report.whole().attempts()).isEqualTo(400);
        assertThat(report.whole().successes()).isEqualTo(290);
        assertThat(report.whole().availability()).isEqualTo(290.0 / 400);
        assertThat(report.windows()).extracting(Report.WindowRow::availability).containsExactly(1.0, 0.9, 0.0, 1.0);
        assertThat(report.phases()).extracting(Report.Figures::phase).containsExactly("baseline", "fault", "recovery");
        assertThat(report.phases()).extracting(Report.Figures::availability).containsExactly(1.0, 90.0 / 200, 1.0);
        assertThat(report.phases().get(1).failures()).containsEntry("5xx", 57L).containsEntry("refused", 0L);
        assertThat(report.phases().get(1).dropped()).isEqualTo(53);
        assertThat(report.windows()).extracting(Report.WindowRow::phase).containsExactly("baseline", "fault", "fault",
                "recovery");
    }

    @Test
    void aFaultThatNeverRecoversSaysSoAndFailsTheRecoveryLine() {
        var windows = Timelines.outage(20, 50, 12.0, 20.0, FailureKind.SERVER_ERROR, 5_000);
        var report = Analysis.analyse(Timelines.run(windows, List.of(Event.fault(12.0, "kill", "database.primary")),
                Map.of("recovery", "<= 10s")));
        assertThat(report.faults().get(0).recovered()).isFalse();
        assertThat(report.faults().get(0).recovery()).isEqualTo("did not recover");
        assertThat(report.faults().get(0).recoverySeconds()).isNull();
        assertThat(report.hypothesis()).singleElement().satisfies(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.observed()).isEqualTo("did not recover");
        });
        assertThat(report.verdict()).isEqualTo("deviated");
        // Never healed: the fault phase runs to the end and there is no recovery phase.
        assertThat(report.phases().get(2).windows()).isZero();
        assertThat(report.phases().get(1).windows()).isEqualTo(8);
    }

    @Test
    void recoveryNeedsFiveWholeWindowsBeforeTheEnd() {
        var windows = Timelines.outage(14, 10, 5.0, 10.0, FailureKind.RESET, 1_000);
        var report = Analysis.analyse(Timelines.run(windows, List.of(Event.fault(5.0, "reset", "web -> cache")), Map.of()));
        assertThat(report.faults().get(0).recovered()).isFalse();
        var enough = Timelines.outage(15, 10, 5.0, 10.0, FailureKind.RESET, 1_000);
        var ok = Analysis.analyse(Timelines.run(enough, List.of(Event.fault(5.0, "reset", "web -> cache")), Map.of()));
        assertThat(ok.faults().get(0).recoverySeconds()).isEqualTo(5.0);
    }

    @Test
    void aFaultThatHurtNobodyRecoversInZeroSeconds() {
        var windows = Timelines.outage(20, 100, 0, 0, FailureKind.RESET, 1_000);
        var report = Analysis.analyse(Timelines.run(windows, List.of(Event.fault(4.6, "latency", "web -> cache")), Map.of()));
        assertThat(report.faults().get(0).recoverySeconds()).isZero();
    }

    @Test
    void withoutFaultsEverythingIsBaseline() {
        var windows = Timelines.outage(10, 10, 0, 0, FailureKind.RESET, 1_000);
        var report = Analysis.analyse(Timelines.run(windows, List.of(), Map.of()));
        assertThat(report.phases().get(0).windows()).isEqualTo(10);
        assertThat(report.phases().get(1).attempts()).isZero();
        assertThat(report.phases().get(1).availability()).isNull();
        assertThat(report.verdict()).isEqualTo("none");
        assertThat(report.passed()).isTrue();
    }

    @Test
    void errorBudgetIsTheShareOfAllowedFailuresUsed() {
        // 10 000 attempts at a 99.9% objective allow 10 failures; 4 failures and 1 drop use half.
        var windows = List.of(Timelines.window(0, 9995, 4, 1));
        var report = Analysis.analyse(Timelines.run(windows, List.of(), Map.of("errorBudget", "<= 50%")));
        assertThat(report.errorBudget().allowedFailures()).isCloseTo(10.0, within(1e-9));
        assertThat(report.errorBudget().failures()).isEqualTo(5);
        assertThat(report.errorBudget().used()).isCloseTo(0.5, within(1e-9));
        assertThat(report.hypothesis().get(0).passed()).isTrue();
    }

    @Test
    void hypothesisLinesAreJudgedAgainstTheWholeRun() {
        var windows = Timelines.outage(20, 100, 10.0, 11.0, FailureKind.TIMEOUT, 20_000);
        var lines = new LinkedHashMap<String, String>();
        lines.put("availability", ">= 99%");
        lines.put("p50", "<= 50ms");
        lines.put("recovery", "<= 2s");
        lines.put("lostWrites", "0");
        lines.put("staleReads", "<= 1");
        lines.put("lostSessions", "0");
        var run = new Run(Timelines.info(lines), List.of(Event.fault(10.0, "kill", "web[1]")), windows,
                new Verification(10, 10, 1, List.of(new LostWrite("u1", "n3", 2, 1, "older")), 1, 0, List.of()));
        var report = Analysis.analyse(run);
        assertThat(report.hypothesis()).extracting(Report.Check::name).containsExactly("availability", "p50", "recovery",
                "lostWrites", "staleReads", "lostSessions");
        assertThat(report.hypothesis()).extracting(Report.Check::passed).containsExactly(false, true, true, false, true, true);
        assertThat(report.hypothesis().get(0).observed()).isEqualTo("95.00%");
        assertThat(report.hypothesis().get(1).observed()).isEqualTo("20.0ms");
        assertThat(report.hypothesis().get(2).observed()).isEqualTo("1.0s");
        assertThat(report.verdict()).isEqualTo("deviated");
        assertThat(report.whole().latency().p99()).isGreaterThanOrEqualTo(1999.0);
    }

    @Test
    void eachHomeDatacenterGetsItsOwnAvailabilityAndRecovery() {
        // eu-west's users fail from 10 s to 14 s; us-east's never do; the whole run is both.
        var west = Timelines.outage(30, 50, 10.0, 14.0, FailureKind.TIMEOUT, 20_000);
        var east = Timelines.outage(30, 50, 0.0, 0.0, FailureKind.TIMEOUT, 20_000);
        var whole = new java.util.ArrayList<dev.scaler.load.Window>();
        for (int i = 0; i < 30; i++) {
            whole.add(Timelines.window(i, east.get(i).successes() + west.get(i).successes(),
                    east.get(i).failed() + west.get(i).failed(), 0));
        }
        var homes = new LinkedHashMap<String, List<dev.scaler.load.Window>>();
        homes.put("us-east", east);
        homes.put("eu-west", west);
        var run = new Run(Timelines.info(Map.of()), List.of(Event.fault(10.0, "partition", "between dc:us-east and"
                + " dc:eu-west")), whole, Verification.NONE, List.of(), homes, List.of());
        var report = Analysis.analyse(run);
        assertThat(report.datacenters()).extracting(Report.Home::datacenter).containsExactly("us-east", "eu-west");
        var eastHome = report.datacenters().get(0);
        var westHome = report.datacenters().get(1);
        assertThat(eastHome.whole().availability()).isEqualTo(1.0);
        assertThat(eastHome.faults().get(0).recoverySeconds()).isEqualTo(0.0);
        assertThat(westHome.whole().availability()).isCloseTo(26 / 30.0, within(1e-9));
        assertThat(westHome.faults().get(0).recoverySeconds()).isEqualTo(4.0);
        assertThat(TextReport.render(report)).contains("datacenters (users by home entry point)")
                .containsPattern("eu-west +1500 +86\\.67% +10\\.0s recovered in 4\\.0s");
        assertThat(MarkdownReport.render(report)).contains("- users of `eu-west`: 86.67% available, recovered in 4.0s"
                + " after 10.0s");
        assertThat(HtmlReport.render(report)).contains("<h2>By home datacenter</h2>")
                .contains("<tr><td>eu-west</td><td>1500</td><td>86.67%</td><td>10.0s recovered in 4.0s</td></tr>");
    }

    @Test
    void aRunWithoutHomesHasNoDatacenterBreakdown() {
        var report = Analysis.analyse(Timelines.run(List.of(Timelines.window(0, 10, 0, 0)), List.of(), Map.of()));
        assertThat(report.datacenters()).isEmpty();
        assertThat(TextReport.render(report)).doesNotContain("datacenters");
        assertThat(HtmlReport.render(report)).doesNotContain("By home datacenter");
    }

    @Test
    void assetsAreJudgedApartFromThePagesPhaseByPhase() {
        var pages = List.of(Timelines.window(0, 100, 0, 0), Timelines.window(1, 100, 0, 0), Timelines.window(2, 100, 0, 0));
        // The origin dies at 1 s: the pages stay whole, one asset request in ten fails during the fault.
        var assets = List.of(Timelines.window(0, 50, 0, 0), Timelines.window(1, 45, 5, 0), Timelines.window(2, 50, 0, 0));
        var lines = new java.util.LinkedHashMap<String, String>();
        lines.put("availability", ">= 99%");
        lines.put("assetAvailability", ">= 99%");
        var run = new Run(Timelines.info(lines), List.of(Event.fault(1.0, "stop", "cdn.origin"),
                Event.heal(2.0, "cdn.origin")), pages, Verification.NONE, List.of(), Map.of(), assets);
        var report = Analysis.analyse(run);

        assertThat(report.whole().availability()).isEqualTo(1.0);
        assertThat(report.assets()).extracting(Report.Figures::phase).containsExactly("whole", "baseline", "fault",
                "recovery");
        assertThat(report.assets().get(0).attempts()).isEqualTo(150);
        assertThat(report.assets().get(2).availability()).isEqualTo(0.9);
        assertThat(report.hypothesis()).extracting(Report.Check::passed).containsExactly(true, false);
        assertThat(report.hypothesis().get(1).observed()).isEqualTo("96.67%");
    }

    @Test
    void withoutAssetRequestsTheAssetLineCannotHold() {
        var run = new Run(Timelines.info(Map.of("assetAvailability", ">= 99%")), List.of(),
                List.of(Timelines.window(0, 100, 0, 0)), Verification.NONE);
        var report = Analysis.analyse(run);
        assertThat(report.assets()).isEmpty();
        assertThat(report.hypothesis()).singleElement().satisfies(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.observed()).startsWith("no asset requests");
        });
    }

    @Test
    void theFaultLineJudgesOnlyTheSecondsAFaultWasInEffect() {
        // 2 of 4 seconds are faulty; the run is 95% available, the fault phase 90%: one line holds, one fails.
        var windows = List.of(Timelines.window(0, 100, 0, 0), Timelines.window(1, 90, 10, 0),
                Timelines.window(2, 90, 10, 0), Timelines.window(3, 100, 0, 0));
        var lines = new LinkedHashMap<String, String>();
        lines.put("availability", ">= 95%");
        lines.put("faultAvailability", ">= 91%");
        var report = Analysis.analyse(Timelines.run(windows, List.of(Event.fault(1.0, "partition", "web -> shard[1]"),
                Event.heal(3.0, "web -> shard[1]")), lines));

        assertThat(report.hypothesis()).extracting(Report.Check::observed).containsExactly("95.00%", "90.00%");
        assertThat(report.hypothesis()).extracting(Report.Check::passed).containsExactly(true, false);
        assertThat(Analysis.analyse(Timelines.run(windows, List.of(Event.fault(1.0, "partition", "web -> shard[1]"),
                Event.heal(3.0, "web -> shard[1]")), Map.of("faultAvailability", ">= 90%"))).hypothesis().get(0).passed())
                .isTrue();
    }

    @Test
    void withoutAFaultTheFaultLineCannotHold() {
        var report = Analysis.analyse(Timelines.run(List.of(Timelines.window(0, 100, 0, 0)), List.of(),
                Map.of("faultAvailability", ">= 50%")));
        assertThat(report.hypothesis()).singleElement().satisfies(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.observed()).isEqualTo("no fault injected");
        });
    }
}
