package dev.scaler.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Several generators' results as one run: exact histograms, summed windows, one ledger; and how a run is split. */
class MergeTest {

    /** Latencies with a long tail (microseconds), as a run under stress has them. */
    private static long latency(SplittableRandom random) {
        return random.nextInt(100) < 2 ? 200_000 + random.nextInt(1_800_000) : 500 + random.nextInt(20_000);
    }

    private static Histogram throughTheWire(Histogram h) throws Exception {
        var buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        h.encodeIntoCompressedByteBuffer(buffer);
        buffer.flip();
        return Histogram.decodeFromCompressedByteBuffer(buffer, 0);
    }

    @Test
    void mergedPercentilesEqualThoseOfOneHistogramThatRecordedEveryValue() throws Exception {
        var random = new SplittableRandom(7);
        Histogram one = Window.newHistogram();
        var parts = new ArrayList<Window>();
        for (int g = 0; g < 3; g++) {
            Histogram part = Window.newHistogram();
            for (int i = 0; i < 5_000 + g * 3_000; i++) { // unequal shares: an average of percentiles would be off
                long v = g == 2 ? latency(random) * 3 : latency(random);
                part.recordValue(v);
                one.recordValue(v);
            }
            parts.add(new Window(4, 10, Map.of(FailureKind.TIMEOUT, (long) g), g, throughTheWire(part)));
        }
        Window merged = Merge.window(parts);
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            assertThat(merged.latency().getValueAtPercentile(p)).as("p%s", p).isEqualTo(one.getValueAtPercentile(p));
        }
        assertThat(merged.latency().getTotalCount()).isEqualTo(one.getTotalCount());
        assertThat(merged.latency()).isEqualTo(one);
        assertThat(merged.second()).isEqualTo(4);
        assertThat(merged.successes()).isEqualTo(30);
        assertThat(merged.failures().get(FailureKind.TIMEOUT)).isEqualTo(3);
        assertThat(merged.dropped()).isEqualTo(3);

        // The negative control: averaging the parts' p99s is not the p99 of all values.
        double averaged = parts.stream().mapToLong(w -> w.latency().getValueAtPercentile(99)).average().orElseThrow();
        assertThat(averaged).isNotEqualTo((double) one.getValueAtPercentile(99));
    }

    private static Window window(int second, long successes, long dropped, long... latencies) {
        Histogram h = Window.newHistogram();
        for (long v : latencies) {
            h.recordValue(v);
        }
        return new Window(second, successes, Map.of(), dropped, h);
    }

    private static LoadResult result(Instant at, double seconds, List<Window> windows, List<LedgerEntry> ledger,
            long stale, List<String> lostSessions) {
        return new LoadResult(at, seconds, windows, ledger,
                new Verification(ledger.size(), 0, 0, List.of(), stale, lostSessions.size(), lostSessions),
                Map.of("us", windows), List.of());
    }

    @Test
    void windowsOfTheSameSecondAreSummedAndLedgersJoinedInTimeOrder() {
        Instant at = Instant.parse("2026-12-05T05:00:00Z");
        var a = result(at, 3.1, List.of(window(0, 5, 0, 1000, 2000), window(1, 4, 1, 3000), window(2, 2, 0)),
                List.of(new LedgerEntry("u1", "n1", 1, 0.5), new LedgerEntry("u1", "n1", 2, 2.5)), 1, List.of("u1"));
        var b = result(at, 3.4, List.of(window(0, 6, 2, 5000), window(1, 3, 0)),
                List.of(new LedgerEntry("u2", "n2", 1, 1.5)), 2, List.of("u2", "u1"));
        LoadResult merged = Merge.results(List.of(a, b));

        assertThat(merged.windows()).extracting(Window::second).containsExactly(0, 1, 2);
        assertThat(merged.windows()).extracting(Window::successes).containsExactly(11L, 7L, 2L);
        assertThat(merged.windows()).extracting(Window::dropped).containsExactly(2L, 1L, 0L);
        assertThat(merged.windows().get(0).latency().getTotalCount()).isEqualTo(3);
        assertThat(merged.ledger()).extracting(LedgerEntry::at).containsExactly(0.5, 1.5, 2.5);
        assertThat(merged.verification().acknowledgedWrites()).isEqualTo(3);
        assertThat(merged.verification().staleReads()).isEqualTo(3);
        assertThat(merged.verification().lostSessionUsers()).containsExactly("u1", "u2");
        assertThat(merged.seconds()).isEqualTo(3.4);
        assertThat(merged.homes().get("us")).extracting(Window::successes).containsExactly(11L, 7L, 2L);
        long perGenerator = a.windows().stream().mapToLong(Window::attempts).sum()
                + b.windows().stream().mapToLong(Window::attempts).sum();
        assertThat(merged.windows().stream().mapToLong(Window::attempts).sum()).isEqualTo(perGenerator);
    }

    @Test
    void aGeneratorsFiguresShowWhatItDroppedAndItsOwnP99() {
        var job = GeneratorJob.split(spec(90, 30), targets(), 3, Duration.ZERO).get(1);
        var r = result(Instant.EPOCH, 2, List.of(window(0, 3, 7, 1000, 2000, 400_000), window(1, 0, 5)), List.of(), 0,
                List.of());
        GeneratorFigures f = Merge.figures(job.index(), job.seed(), job.rate(), r);
        assertThat(f.generator()).isEqualTo(2);
        assertThat(f.dropped()).isEqualTo(12);
        assertThat(f.attempts()).isEqualTo(15);
        assertThat(f.p99Ms()).isBetween(399.0, 401.0);
        assertThat(f.rate()).isEqualTo(30.0);
    }

    private static List<URI> targets() {
        return List.of(URI.create("http://127.0.0.1:8080/"));
    }

    private static LoadSpec spec(double rate, int users) {
        return new LoadSpec(targets(), rate, Duration.ofSeconds(10), JourneyMix.DEFAULT, Duration.ofSeconds(2), 42,
                LoadSpec.defaultMaxInFlight(rate, Duration.ofSeconds(2)), users);
    }

    @Test
    void sharesKeepTheWholeScheduleWithTheirOwnSeedsAndUsers() {
        LoadSpec whole = spec(300, 50);
        var jobs = GeneratorJob.split(whole, List.of(URI.create("http://web-lb-1:8080/")), 3, Duration.ofSeconds(1));
        assertThat(jobs).extracting(GeneratorJob::index).containsExactly(1, 2, 3);
        assertThat(jobs).extracting(GeneratorJob::of).containsOnly(3);
        assertThat(jobs).extracting(GeneratorJob::seed).containsExactly(43L, 44L, 45L);
        assertThat(jobs).extracting(GeneratorJob::firstUser).containsExactly(0, 16, 33);
        assertThat(jobs.stream().mapToInt(GeneratorJob::users).sum()).isEqualTo(50);
        assertThat(jobs.stream().mapToDouble(GeneratorJob::rate).sum()).isEqualTo(300.0);
        assertThat(jobs.get(0).spec().targets()).containsExactly(URI.create("http://web-lb-1:8080/"));
        assertThat(jobs.get(2).spec().mix()).isEqualTo(whole.mix());
        // Each schedules the whole run's arrivals and sends its every third (LoadGenerator#share, sent for real in
        // LoadGeneratorTest): the shape travels whole, stages included.
        assertThat(jobs).allSatisfy(j -> assertThat(j.spec().shape()).isEqualTo(whole.shape()));
        var staged = new LoadSpec(targets(), LoadShape.parse("10s:100,20s:400"), JourneyMix.DEFAULT,
                Duration.ofSeconds(2), 1, 500, 10);
        var job = GeneratorJob.split(staged, targets(), 4, Duration.ZERO).get(3);
        assertThat(job.spec().shape()).isEqualTo(staged.shape());
        assertThat(job.rate()).isEqualTo(100.0);
        assertThat(job.maxInFlight()).isEqualTo(125);
    }

    @Test
    void moreGeneratorsThanUsersOrOutOfRangeIsRefused() {
        assertThatThrownBy(() -> GeneratorJob.split(spec(100, 2), targets(), 3, Duration.ZERO))
                .hasMessageContaining("--users 2 is fewer than --generators 3");
        assertThatThrownBy(() -> GeneratorJob.split(spec(100, 50), targets(), 0, Duration.ZERO))
                .hasMessageContaining("between 1 and 32");
    }
}
