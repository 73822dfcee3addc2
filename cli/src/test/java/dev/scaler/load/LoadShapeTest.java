package dev.scaler.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LoadShapeTest {

    @Test
    void readsStagesAsK6UsersWriteThem() {
        var shape = LoadShape.parse("30s:50,60s:400/s, 60s:400,30s:50");
        assertThat(shape.stages()).containsExactly(new Stage(30, 50), new Stage(60, 400), new Stage(60, 400),
                new Stage(30, 50));
        assertThat(shape.duration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(shape.peak()).isEqualTo(400);
        assertThat(shape.toString()).isEqualTo("30s:50,60s:400,60s:400,30s:50");
        assertThat(shape.constant()).isFalse();
    }

    @Test
    void eachStageRampsLinearlyFromThePreviousTarget() {
        var shape = LoadShape.parse("10s:100,10s:100,10s:0");
        assertThat(shape.rateAt(0)).isEqualTo(0);
        assertThat(shape.rateAt(5)).isEqualTo(50);
        assertThat(shape.rateAt(15)).isEqualTo(100);
        assertThat(shape.rateAt(25)).isEqualTo(50);
        assertThat(shape.rateAt(31)).isEqualTo(0);
        // 500 on the way up, 1000 held, 500 on the way down
        assertThat(shape.arrivals()).isEqualTo(2000);
        assertThat(shape.meanRate(0)).isCloseTo(5, within(1e-9));
        assertThat(shape.meanRate(12)).isCloseTo(100, within(1e-9));
    }

    @Test
    void aZeroSecondStageJumps() {
        var shape = LoadShape.parse("0s:200,2s:200");
        assertThat(shape.constant()).isTrue();
        assertThat(shape.toString()).isEqualTo("200/s for 2s");
        assertThat(shape.arrivals()).isEqualTo(400);
        assertThat(shape.offsetNanos(1)).isEqualTo(5_000_000);
    }

    @Test
    void aConstantRateIsScheduledAsBefore() {
        var shape = LoadShape.constant(50, Duration.ofSeconds(30));
        assertThat(shape.arrivals()).isEqualTo(1500);
        for (long i = 0; i < 1500; i += 37) {
            assertThat(shape.offsetNanos(i)).isEqualTo(i * 20_000_000L);
        }
    }

    @Test
    void aRampFromZeroSchedulesOnTheSquareRoot() {
        // N(t) = 10 t^2 / 2 on a ramp 0 -> 100/s over 10 s: arrival i at sqrt(i / 5)
        var shape = LoadShape.parse("10s:100");
        assertThat(shape.arrivals()).isEqualTo(500);
        assertThat(shape.offsetNanos(0)).isEqualTo(0);
        assertThat(shape.offsetNanos(20) / 1e9).isCloseTo(2.0, within(1e-9));
        assertThat(shape.offsetNanos(499) / 1e9).isCloseTo(Math.sqrt(499 / 5.0), within(1e-9));
    }

    @Test
    void refusesWhatIsNotAShapeAndSaysWhatIsExpected() {
        assertThatThrownBy(() -> LoadShape.parse("30s")).hasMessageContaining("'30s' is not DURATION:RATE")
                .hasMessageContaining("30s:50,60s:400");
        assertThatThrownBy(() -> LoadShape.parse("30x:50")).hasMessageContaining("'30x' in '30x:50' is not a duration");
        assertThatThrownBy(() -> LoadShape.parse("30s:fast")).hasMessageContaining("'fast' in '30s:fast' is not a rate");
        assertThatThrownBy(() -> LoadShape.parse("30s:-5")).hasMessageContaining("is not a rate");
        assertThatThrownBy(() -> LoadShape.parse("30s:1e3")).hasMessageContaining("is not a rate");
        assertThatThrownBy(() -> LoadShape.parse("30s:0,10s:0")).hasMessageContaining("target above 0");
        assertThatThrownBy(() -> LoadShape.parse("0s:50")).hasMessageContaining("more than 0s");
        assertThatThrownBy(() -> LoadShape.parse("20h:5,5h:5")).hasMessageContaining("at most 24h");
        assertThatThrownBy(() -> LoadShape.parse("30s:50,,10s:5")).hasMessageContaining("'' is not DURATION:RATE");
    }

    // ---- the schedule, for any shape ----------------------------------------------------------------------------

    @Provide
    Arbitrary<LoadShape> shapes() {
        Arbitrary<Stage> stage = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 300)).as((s, r) -> new Stage(s, r));
        return stage.list().ofMinSize(1).ofMaxSize(6)
                .filter(l -> l.stream().mapToDouble(Stage::seconds).sum() > 0 && l.stream().anyMatch(s -> s.target() > 0))
                .map(LoadShape::new);
    }

    /** The schedule never goes back in time and stays within the run. */
    @Property(tries = 300)
    void arrivalsAreInOrderAndWithinTheRun(@ForAll("shapes") LoadShape shape) {
        long end = shape.duration().toNanos();
        long previous = -1;
        for (long i = 0; i < shape.arrivals(); i++) {
            long at = shape.offsetNanos(i);
            assertThat(at).isGreaterThanOrEqualTo(previous).isBetween(0L, end + 1);
            previous = at;
        }
    }

    /**
     * Coordinated-omission-correct with a varying rate: the arrivals scheduled in each second are the integral of the
     * rate over it (within one, the rounding of a count), so the load does not follow the server's pace.
     */
    @Property(tries = 300)
    void eachSecondHoldsTheIntegralOfItsRate(@ForAll("shapes") LoadShape shape) {
        int seconds = (int) Math.ceil(shape.duration().toNanos() / 1e9);
        long[] perSecond = new long[seconds + 1];
        for (long i = 0; i < shape.arrivals(); i++) {
            perSecond[(int) Math.min(seconds, shape.offsetNanos(i) / 1_000_000_000L)]++;
        }
        double due = 0;
        long scheduled = 0;
        for (int s = 0; s < seconds; s++) {
            due += shape.meanRate(s);
            scheduled += perSecond[s];
            // cumulative arrivals by the end of second s: floor of the integral, give or take the one at the boundary
            assertThat((double) scheduled).isCloseTo(Math.min(Math.floor(due + 1e-9) + 1, shape.arrivals()), within(1.0 + 1e-6));
        }
    }

    /** The integral of the rate is what the rate says: a numeric check of arrivalsBy against rateAt. */
    @Property(tries = 200)
    void theIntegralMatchesTheRate(@ForAll("shapes") LoadShape shape) {
        double total = shape.duration().toNanos() / 1e9;
        double step = total / 4000;
        double sum = 0;
        var checks = new ArrayList<Double>(List.of(total / 3, total / 2, total));
        for (double t = 0; t < total; t += step) {
            sum += (shape.rateAt(t) + shape.rateAt(Math.min(total, t + step))) / 2 * step;
        }
        assertThat(sum).isCloseTo(shape.arrivalsBy(total), within(1.0 + shape.peak() * step * 2));
        for (double c : checks) {
            assertThat(shape.arrivalsBy(c)).isLessThanOrEqualTo(shape.arrivalsBy(total) + 1e-9);
        }
    }
}
