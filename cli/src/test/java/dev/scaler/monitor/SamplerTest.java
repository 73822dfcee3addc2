package dev.scaler.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sampler with collectors that answer from memory: rounds, rates between rounds, deadlines, closing. */
class SamplerTest {
    static Target target(String name, String tier, String state) {
        return new Target(name, tier, tier.equals("web") ? "replica" : tier, "i", state, "healthy",
                state.equals("running") ? Optional.of("10.0.0.1") : Optional.empty());
    }

    /** A web replica whose request counter goes up by 100 per reading. */
    static final class Counting implements Collector {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public boolean reads(Target t) {
            return t.tier().equals("web");
        }

        @Override
        public Reading read(Target t) {
            int n = reads.incrementAndGet();
            return new Reading.Web(Map.of("2xx", 100.0 * n), List.of(), Map.of(), 0, 0, 0);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    /** A server that never answers in time. */
    static final class Stuck implements Collector {
        @Override
        public boolean reads(Target t) {
            return t.tier().equals("cache");
        }

        @Override
        public Reading read(Target t) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Reading.Silent("late");
        }
    }

    @Test
    void eachRoundReadsEveryTargetAndRatesAreOverTheTimeBetweenRounds() throws Exception {
        var targets = List.of(target("p-web-1", "web", "running"), target("p-cache-1", "cache", "running"),
                target("p-web-2", "web", "exited"), target("p-agent", "agent", "running"));
        var counting = new Counting();
        var snapshots = new CopyOnWriteArrayList<Snapshot>();
        long started = System.nanoTime();
        try (var sampler = Sampler.start(() -> targets, List.of(counting, new Stuck()), Duration.ofMillis(250),
                snapshots::add)) {
            while (snapshots.size() < 3 && System.nanoTime() - started < 10_000_000_000L) {
                Thread.sleep(20);
            }
        }
        assertThat(counting.closed).as("the sampler owns its collectors").isTrue();
        assertThat(snapshots.size()).isGreaterThanOrEqualTo(3);
        Snapshot second = snapshots.get(1);
        assertThat(second.containers()).extracting(Vitals::container).containsExactly("p-web-1", "p-cache-1",
                "p-web-2", "p-agent");
        Vitals web = second.containers().get(0);
        // 100 more requests between two rounds about 250 ms apart: about 400/s.
        assertThat(web.requestsPerSecond().getAsDouble()).isBetween(200.0, 800.0);
        Vitals cache = second.containers().get(1);
        assertThat(cache.silent()).isTrue();
        assertThat(cache.status()).startsWith("no answer within");
        assertThat(second.costMs()).as("a stuck server costs at most the deadline").isLessThan(1000);
        assertThat(second.containers().get(2).status()).isEqualTo("exited");
        assertThat(second.containers().get(3).status()).isEqualTo(Vitals.UNWATCHED);
    }

    @Test
    void onceReadsTwiceOverTheGivenSpan() throws Exception {
        var counting = new Counting();
        Snapshot s = Sampler.once(() -> List.of(target("p-web-1", "web", "running")), List.of(counting),
                Duration.ofMillis(200));
        assertThat(counting.reads.get()).isEqualTo(2);
        assertThat(s.containers().get(0).requestsPerSecond().getAsDouble()).isBetween(250.0, 600.0);
        assertThat(counting.closed).isTrue();
    }
}
