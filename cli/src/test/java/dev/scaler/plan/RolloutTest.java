package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaler.plan.Rollout.Limits;
import dev.scaler.plan.Rollout.New;
import dev.scaler.plan.Rollout.Old;
import dev.scaler.plan.Rollout.Slot;
import dev.scaler.plan.Rollout.Vitals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RolloutTest {
    private static final Vitals QUIET = new Vitals(0, 0);

    /** Carries steps out on synthetic state, every start succeeding, and checks the limits after each one. */
    @ParameterizedTest(name = "{0} replicas, surge {1}, unavailable {2}: {3} batches")
    @CsvSource({"3, 1, 0, 6", "3, 0, 1, 6", "3, 3, 0, 2", "4, 2, 1, 4", "1, 1, 0, 2", "5, 1, 1, 6"})
    void replacesEveryReplicaWithinTheLimits(int replicas, int surge, int unavailable, int batches) {
        var limits = new Limits(surge, unavailable, 0.01, 100);
        List<Slot> slots = Rollout.begin(replicas);
        int steps = 0;
        Rollout.Step step;
        while (!((step = Rollout.next(slots, limits, QUIET)) instanceof Rollout.Done)) {
            assertThat(step).isNotInstanceOf(Rollout.RollBack.class);
            slots = apply(slots, step, New.SERVING);
            long serving = slots.stream().filter(s -> s.old() == Old.SERVING || s.replacement() == New.SERVING).count();
            long containers = slots.stream().mapToLong(s -> (s.old() == Old.SERVING ? 1 : 0)
                    + (s.replacement() != New.NONE ? 1 : 0)).sum();
            assertThat(serving).as("serving after %s", step).isGreaterThanOrEqualTo(replicas - unavailable);
            assertThat(containers).as("containers after %s", step).isLessThanOrEqualTo(replicas + surge);
            assertThat(++steps).as("a rollout that never ends").isLessThan(4 * replicas + 4);
        }
        assertThat(steps).isEqualTo(batches);
        assertThat(slots).allMatch(s -> s.old() == Old.GONE && s.replacement() == New.SERVING);
    }

    @Test
    void oneReplicaAtATimeStartsOneThenRetiresItsOldOne() {
        var limits = new Limits(1, 0, 0.01, 100);
        var slots = Rollout.begin(3);
        assertThat(Rollout.next(slots, limits, QUIET)).isEqualTo(new Rollout.Start(List.of(1)));
        slots = apply(slots, new Rollout.Start(List.of(1)), New.SERVING);
        assertThat(Rollout.next(slots, limits, QUIET)).isEqualTo(new Rollout.Retire(List.of(1)));
    }

    /** Ctrl-C between batches: whatever the state, the next step is a rollback to the spec the project had. */
    @ParameterizedTest(name = "after {0} batches")
    @CsvSource({"0", "1", "2", "3", "5"})
    void ctrlCBetweenBatchesRollsBack(int batches) {
        var limits = new Limits(1, 0, 0.01, 100);
        List<Slot> slots = Rollout.begin(3);
        for (int i = 0; i < batches; i++) {
            slots = apply(slots, Rollout.next(slots, limits, QUIET), New.SERVING);
        }
        assertThat(Rollout.next(slots, limits, QUIET, true)).isEqualTo(new Rollout.RollBack(Rollout.INTERRUPTED));
        assertThat(Rollout.next(slots, limits, QUIET, false)).isNotInstanceOf(Rollout.RollBack.class);
    }

    @Test
    void aReplacementThatNeverGetsReadyRollsBack() {
        var limits = new Limits(1, 0, 0.01, 100);
        var slots = apply(Rollout.begin(3), new Rollout.Start(List.of(1)), New.FAILED);
        assertThat(Rollout.next(slots, limits, QUIET)).isEqualTo(
                new Rollout.RollBack("the new replica 1 did not become ready"));
    }

    @Test
    void tooManyErrorsRollBackOnlyOnceEnoughRequestsWereSeen() {
        var limits = new Limits(1, 0, 0.01, 100);
        var slots = Rollout.begin(3);
        assertThat(Rollout.next(slots, limits, new Vitals(50, 10))).as("too few requests to judge")
                .isInstanceOf(Rollout.Start.class);
        assertThat(Rollout.next(slots, limits, new Vitals(1000, 10))).as("1.0% is not above 1%")
                .isInstanceOf(Rollout.Start.class);
        assertThat(Rollout.next(slots, limits, new Vitals(1000, 11))).isEqualTo(new Rollout.RollBack(
                "HAProxy answered 11 of 1000 requests with a 5xx (1.1%, the bound is 1.0%)"));
    }

    @Test
    void limitsThatAllowNoStepAreRefused() {
        assertThatThrownBy(() -> new Limits(0, 0, 0.01, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both 0");
        assertThatThrownBy(() -> new Limits(-1, 1, 0.01, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Slot> apply(List<Slot> slots, Rollout.Step step, New outcome) {
        var out = new ArrayList<Slot>();
        for (Slot s : slots) {
            if (step instanceof Rollout.Start start && start.indices().contains(s.index())) {
                out.add(new Slot(s.index(), s.old(), outcome));
            } else if (step instanceof Rollout.Retire retire && retire.indices().contains(s.index())) {
                out.add(new Slot(s.index(), Old.GONE, s.replacement()));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
