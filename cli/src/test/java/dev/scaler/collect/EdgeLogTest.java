package dev.scaler.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.monitor.Derive;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EdgeLogTest {

    @Test
    void countsEachLineByCacheStatusAndTheFiveHundreds() {
        var c = EdgeLog.Counts.of("MISS 200\nHIT 200\nHIT 200\nSTALE 200\nMISS 502\n- 404\n\ngarbage\n");
        assertThat(c.byStatus()).containsExactlyInAnyOrderEntriesOf(Map.of("MISS", 2.0, "HIT", 2.0, "STALE", 1.0,
                "-", 1.0));
        assertThat(c.errors()).isEqualTo(1.0);
    }

    @Test
    void staleAndFreshCopiesCountAsServedFromTheCache() {
        var e = new Reading.Edge(Map.of("HIT", 6.0, "STALE", 2.0, "MISS", 2.0, "-", 5.0), 0);
        assertThat(e.fromCache()).isEqualTo(8.0);
        assertThat(e.fromOrigin()).isEqualTo(2.0);
        assertThat(e.requests()).isEqualTo(15.0);
    }

    @Test
    void theHitRatioOfAnIntervalComesFromTwoReadings() {
        var t = new Target("shop-cdn-edge", "cdn", "edge", "scaler/edge:offline", "running", "healthy",
                Optional.of("10.0.0.5"));
        var before = new Reading.Edge(Map.of("MISS", 3.0), 0);
        var now = new Reading.Edge(Map.of("MISS", 4.0, "HIT", 9.0), 1);
        var v = Derive.vitals(t, now, Optional.of(before), 2.0);
        assertThat(v.hitRatio().getAsDouble()).isEqualTo(0.9);
        assertThat(v.requestsPerSecond().getAsDouble()).isEqualTo(5.0);
        assertThat(v.errorsPerSecond().getAsDouble()).isEqualTo(0.5);
    }
}
