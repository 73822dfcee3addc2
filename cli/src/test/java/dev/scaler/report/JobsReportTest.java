package dev.scaler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.load.FailureKind;
import dev.scaler.load.JobLedger;
import dev.scaler.load.JobOutcome;
import dev.scaler.load.LedgerEntry;
import dev.scaler.load.LoadResult;
import dev.scaler.load.Verification;
import dev.scaler.state.RunStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job ledger in the report: its JSON field, every format, the hypothesis lines and --compare. */
class JobsReportTest {
    private static final Map<String, String> LINES = new LinkedHashMap<>(Map.of());

    static {
        LINES.put("lostJobs", "0");
        LINES.put("duplicateJobs", "0");
        LINES.put("lateJobs", "0");
        LINES.put("jobLatencyP99", "<= 2s");
        LINES.put("backlogDrain", "<= 60s");
    }

    /** 10 jobs/s for 20 s, done in 50 ms each; {@code stallFrom..stallTo}: no worker, jobs wait until it ends. */
    private static Verification jobs(double stallFrom, double stallTo, int lost, int twice) {
        List<JobOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double at = i / 10.0;
            double doneAt = at >= stallFrom && at < stallTo ? stallTo + (at - stallFrom) / 4 : at + 0.05;
            outcomes.add(i < lost ? JobOutcome.pending("j" + i, at)
                    : new JobOutcome("j" + i, at, i < lost + twice ? 2 : 1, OptionalDouble.of(doneAt - at)));
        }
        return new Verification(0, 0, 0, List.of(), 0, 0, List.of(), JobLedger.verify(205, outcomes, JobLedger.DEADLINE));
    }

    private static Report report(Verification v) {
        var windows = Timelines.outage(20, 10, 0, 0, FailureKind.TIMEOUT, 5_000);
        return Analysis.analyse(new Run(Timelines.info(LINES), List.of(), windows, v));
    }

    @Test
    void aCleanRunMeetsEveryJobLine() throws Exception {
        Report r = report(jobs(0, 0, 0, 0));

        assertThat(r.jobs().submitted()).isEqualTo(205);
        assertThat(r.jobs().confirmed()).isEqualTo(200);
        assertThat(r.jobs().done()).isEqualTo(200);
        assertThat(r.jobs().latency().p99()).isBetween(49.0, 51.0);
        assertThat(r.hypothesis()).extracting(Report.Check::passed).containsOnly(true);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RunStore.json(r)).path("jobs");
        assertThat(json.path("submitted").asLong()).isEqualTo(205);
        assertThat(json.path("confirmed").asLong()).isEqualTo(200);
        assertThat(json.path("done").asLong()).isEqualTo(200);
        assertThat(json.path("lost").asLong()).isZero();
        assertThat(json.path("duplicates").asLong()).isZero();
        assertThat(json.path("late").asLong()).isZero();
        assertThat(json.path("latency").path("p99").asDouble()).isBetween(49.0, 51.0);
        assertThat(TextReport.render(r)).contains("jobs          205 submitted, 200 confirmed, 200 done, 0 lost");
        assertThat(MarkdownReport.render(r)).contains("- jobs: 205 submitted");
        assertThat(HtmlReport.render(r)).contains("lost jobs");
    }

    @Test
    void lostDuplicatedAndLateJobsFailTheirLines() {
        // Negative control: 3 lost, 2 done twice, and 15 s without workers (jobs wait past the 10 s deadline).
        Report r = report(jobs(2, 17, 3, 2));

        var byName = new LinkedHashMap<String, Report.Check>();
        r.hypothesis().forEach(c -> byName.put(c.name(), c));
        assertThat(byName.get("lostJobs").passed()).isFalse();
        assertThat(byName.get("lostJobs").observed()).isEqualTo("3 of 200 confirmed");
        assertThat(byName.get("duplicateJobs").passed()).isFalse();
        assertThat(byName.get("lateJobs").passed()).isFalse();
        assertThat(byName.get("jobLatencyP99").passed()).isFalse();
        assertThat(byName.get("backlogDrain").passed()).isTrue();
        assertThat(r.jobs().backlogPeak()).isGreaterThan(100);
        assertThat(r.verdict()).isEqualTo("deviated");
    }

    @Test
    void aBacklogThatDrainsTooSlowlyFailsBacklogDrain() {
        LINES.put("backlogDrain", "<= 1s");
        try {
            Report r = report(jobs(2, 17, 0, 0));
            var drain = r.hypothesis().stream().filter(c -> c.name().equals("backlogDrain")).findFirst().orElseThrow();
            assertThat(drain.passed()).isFalse();
            assertThat(drain.observed()).contains("peak");
        } finally {
            LINES.put("backlogDrain", "<= 60s");
        }
    }

    @Test
    void jobLinesWithoutJobsDoNotPass() {
        Report r = report(new Verification(0, 0, 0, List.of(), 0, 0, List.of()));
        assertThat(r.jobs().any()).isFalse();
        assertThat(r.hypothesis()).filteredOn(c -> !c.name().equals("jobLatencyP99")).extracting(Report.Check::passed)
                .containsOnly(false);
        assertThat(TextReport.render(r)).doesNotContain("jobs   ");
    }

    @Test
    void compareShowsWorseJobs() {
        var doc = Compare.of(report(jobs(0, 0, 0, 0)), report(jobs(2, 17, 3, 2)));
        var worse = doc.figures().stream().filter(Compare.Line::worse).map(Compare.Line::figure).toList();
        assertThat(worse).contains("jobs lost", "jobs done twice", "jobs late", "job latency p99", "backlog peak",
                "backlog drain (s)");
    }

    @Test
    void jobsSurviveTheRunStore(@TempDir Path dir) {
        var store = new RunStore(dir.resolve("runs"));
        RunInfo info = Timelines.info(LINES);
        store.create(info);
        var windows = Timelines.outage(20, 10, 0, 0, FailureKind.TIMEOUT, 5_000);
        Verification v = jobs(2, 17, 3, 2);
        store.finish(info, new LoadResult(Instant.parse("2026-11-25T16:15:00Z"), 20.0, windows,
                List.<LedgerEntry>of(), v));
        assertThat(store.load("latest").verification().jobs()).isEqualTo(v.jobs());
    }
}
