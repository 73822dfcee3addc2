package dev.scaler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.load.FailureKind;
import dev.scaler.load.LoadResult;
import dev.scaler.load.Verification;
import dev.scaler.monitor.Derive;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Snapshot;
import dev.scaler.monitor.Target;
import dev.scaler.monitor.Vitals;
import dev.scaler.state.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue's and the workers' signals in a run's report, the queue's depth drawn against the workers answering. */
class WorkersReportTest {
    private static final int SECONDS = 8;

    private static Vitals leader(long ready) {
        return Derive.vitals(new Target("m-queue-1", "queue", "node", "scaler/rabbitmq:offline", "running", "healthy",
                Optional.of("10.0.0.1")), new Reading.Queue("rabbit@m-queue-1", 90_000_000, false, false,
                        Optional.of("rabbit@m-queue-1"), ready, 6, 6, 40, 30, 30), Optional.empty(), 1);
    }

    private static Vitals worker(int i, double done) {
        var buckets = List.of(new Reading.Bucket(0.01, done), new Reading.Bucket(Double.POSITIVE_INFINITY, done));
        var zero = List.of(new Reading.Bucket(0.01, 0), new Reading.Bucket(Double.POSITIVE_INFINITY, 0));
        return Derive.vitals(new Target("m-worker-" + i, "workers", "worker", "scaler/webapp:offline", "running",
                "healthy", Optional.of("10.0.1." + i)), new Reading.Worker(Map.of("done", done), buckets, 2),
                Optional.of(new Reading.Worker(Map.of("done", 0.0), zero, 2)), 1);
    }

    /** Ready jobs pile up to 60 under two workers, and drain once a third comes at second 4. */
    private static List<Snapshot> samples() {
        var out = new ArrayList<Snapshot>();
        for (int k = 0; k < SECONDS; k++) {
            var containers = new ArrayList<>(List.of(leader(k < 4 ? 20L * k : Math.max(0, 60 - 30L * (k - 3))),
                    worker(1, 10), worker(2, 10)));
            if (k >= 4) {
                containers.add(worker(3, 10));
            }
            out.add(new Snapshot(VitalSignsTest.START + k * 1000L + 300, 5, containers));
        }
        return out;
    }

    private static Report report() {
        return Analysis.analyse(new Run(Timelines.info(Map.of()), List.of(),
                Timelines.outage(SECONDS, 50, 0, 0, FailureKind.REFUSED, 2000), Verification.NONE, samples()));
    }

    private static Report.SignalSeries series(Report report, String key) {
        return report.vitals().series().stream().filter(s -> s.signal().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theQueueAndTheWorkersHaveTheirSeriesInEveryFormat() throws Exception {
        var report = report();
        assertThat(series(report, "queueReady").values()).containsExactly(0.0, 20.0, 40.0, 60.0, 30.0, 0.0, 0.0, 0.0);
        assertThat(series(report, "queueUnacked").values()).containsOnly(6.0);
        assertThat(series(report, "queueConsumers").tier()).isEqualTo("queue");
        assertThat(series(report, "workersAnswering").values()).containsExactly(2.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0,
                3.0);
        assertThat(series(report, "workerJobsPerSecond").values()).containsExactly(20.0, 20.0, 20.0, 20.0, 30.0, 30.0,
                30.0, 30.0);
        assertThat(series(report, "workerP99Ms").values()).containsOnly(9.9);

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RunStore.json(report)).path("vitals")
                .path("series");
        assertThat(json.findValuesAsText("signal")).contains("queueReady", "queueUnacked", "queueConsumers",
                "workersAnswering", "workerJobsPerSecond", "workerP99Ms");
        assertThat(TextReport.render(report)).contains("queue: jobs ready in the queue").contains("0..60")
                .contains("workers: jobs/s done by the workers");
    }

    @Test
    void theQueuePanelDrawsTheReadyJobsWithTheWorkersAnsweringOnTheRightScale() {
        String html = HtmlReport.render(report());
        dev.scaler.cli.HtmlAssert.selfContained(html);
        String queue = section(html, "Queue (RabbitMQ): vital signs per second");
        String ready = chart(queue, "jobs ready in the queue");
        assertThat(ready).as("the depth on the left scale, 0..80").contains("<polyline class=\"p50\"")
                .contains(">80</text>");
        // 2 workers of a right scale that ends at 4 are half the plot's height (y 101), 3 of them three quarters.
        assertThat(ready).contains("<polyline class=\"replicas\" points=\"60.0,101.0 180.5,101.0 ")
                .contains("542.0,61.5 662.5,61.5")
                .contains("class=\"tick replicas-tick\"").contains(">2</text>").contains(">4</text>");
        assertThat(queue).contains("workers answering, right scale, 0..4");
        assertThat(chart(queue, "jobs delivered and not yet acked")).as("one chart carries the workers")
                .doesNotContain("class=\"replicas\"");
        assertThat(section(html, "Workers (from inside): vital signs per second"))
                .contains("processing p99 inside the slowest worker");
    }

    @Test
    void withoutWorkersTheQueuePanelHasNoRightScale() {
        var samples = List.of(new Snapshot(VitalSignsTest.START + 300, 5, List.of(leader(10))),
                new Snapshot(VitalSignsTest.START + 1300, 5, List.of(leader(15))));
        String html = HtmlReport.render(Analysis.analyse(new Run(Timelines.info(Map.of()), List.of(),
                Timelines.outage(2, 50, 0, 0, FailureKind.REFUSED, 2000), Verification.NONE, samples)));
        assertThat(section(html, "Queue (RabbitMQ): vital signs per second")).contains("<polyline class=\"p50\"")
                .doesNotContain("replicas").doesNotContain("right scale");
    }

    @Test
    void samplesWrittenBeforeTheQueueAndTheWorkersStillLoad(@TempDir Path dir) throws Exception {
        var store = new RunStore(dir.resolve("runs"));
        RunInfo info = Timelines.info(Map.of());
        store.create(info);
        store.finish(info, new LoadResult(Instant.ofEpochMilli(VitalSignsTest.START), 2.0, Timelines.outage(2, 10, 9, 9,
                FailureKind.REFUSED, 1000), List.of(), Verification.NONE));
        // As scaler wrote them before it read the workers (the second line) and before it read the queue (the first).
        String before = """
                {"at":%d,"costMs":4,"containers":[{"container":"m-web-1","tier":"web","role":"replica","state":"running",\
                "health":"healthy","status":"ok","requestsPerSecond":12.0,"p99Ms":40.0}]}
                {"at":%d,"costMs":5,"containers":[{"container":"m-queue-1","tier":"queue","role":"leader",\
                "state":"running","health":"healthy","status":"ok","memoryBytes":9.0E7,"queue":{"ready":120,\
                "unacked":8,"consumers":4,"publishPerSecond":50.0,"deliverPerSecond":42.5,"ackPerSecond":41.0}}]}
                """.formatted(VitalSignsTest.START + 300, VitalSignsTest.START + 1300);
        Files.writeString(store.dir(info.id()).resolve(RunStore.SAMPLES), before, StandardOpenOption.CREATE);

        var samples = store.load(info.id()).samples();
        Vitals web = samples.get(0).containers().getFirst();
        assertThat(web.p99Ms()).hasValue(40);
        assertThat(web.queue()).isEmpty();
        assertThat(web.jobsPerSecond()).isEmpty();
        assertThat(web.jobsInHand()).isEmpty();
        Vitals queue = samples.get(1).containers().getFirst();
        assertThat(queue.queue()).contains(new Vitals.JobsQueue(120, 8, 4, 50, 42.5, 41));
        assertThat(queue.jobsInHand()).isEmpty();
        assertThat(dev.scaler.monitor.Signal.QUEUE_READY.of(samples.get(1).containers())).hasValue(120);
    }

    @Test
    void aWorkersSignsGoIntoTheSamplesAndComeBack(@TempDir Path dir) throws Exception {
        var store = new RunStore(dir.resolve("runs"));
        RunInfo info = Timelines.info(Map.of());
        store.create(info);
        var sample = samples().getLast();
        store.appendSample(info.id(), sample);
        store.finish(info, new LoadResult(Instant.ofEpochMilli(VitalSignsTest.START), 1.0, Timelines.outage(1, 10, 9, 9,
                FailureKind.REFUSED, 1000), List.of(), Verification.NONE));
        String line = Files.readAllLines(store.dir(info.id()).resolve(RunStore.SAMPLES)).getFirst();
        assertThat(line).contains("\"jobsPerSecond\":10.0").contains("\"jobsInHand\":2.0");
        assertThat(store.load(info.id()).samples()).containsExactly(sample);
    }

    /** The HTML of the section with this title. */
    private static String section(String html, String title) {
        int from = html.indexOf("<h2>" + title + "</h2>");
        assertThat(from).as("a section " + title).isNotNegative();
        return html.substring(from, html.indexOf("</section>", from));
    }

    /** The SVG of the chart with this label. */
    private static String chart(String html, String label) {
        int from = html.indexOf("aria-label=\"" + label + "\"");
        assertThat(from).as("a chart " + label).isNotNegative();
        return html.substring(from, html.indexOf("</svg>", from));
    }
}
