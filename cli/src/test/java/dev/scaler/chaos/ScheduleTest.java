package dev.scaler.chaos;

import static dev.scaler.chaos.Experiments.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    /** Each entry as "at what step-index [undoes]" or "at undo-why step-index". */
    private static List<String> lines(String yaml) {
        Experiment e = ok(yaml);
        return Schedule.of(e).entries().stream().map(entry -> switch (entry) {
            case Schedule.Apply a -> a.at().toSeconds() + "s " + a.step().action().keyword() + " " + a.step().index()
                    + (a.undoes().isEmpty() ? "" : " undoes " + a.undoes().stream().map(s -> "" + s.index()).toList());
            case Schedule.Undo u -> u.at().toSeconds() + "s " + u.why().name().toLowerCase() + " " + u.step().index();
        }).toList();
    }

    @Test
    void aRestoreUndoesTheKillOfTheSameTargetAndNothingIsLeftToRollBack() {
        assertThat(lines("""
                name: kill-primary
                load: { duration: 60s }
                steps:
                  - { at: 10s, kill: database.primary }
                  - { at: 40s, restore: database.primary }
                """)).containsExactly("10s kill 0", "40s restore 1 undoes [0]");
    }

    @Test
    void whatIsStillBrokenIsRolledBackBeforeTheCooldownExceptKillsLeftForFailover() {
        assertThat(lines("""
                name: rollback
                load: { duration: 60s }
                cooldown: 15s
                steps:
                  - { at: 5s, kill: web }
                  - { at: 6s, kill: database.primary, rollback: leave }
                  - { at: 7s, pause: cache.replica }
                  - { at: 8s, latency: { link: web -> cache, ms: 10 } }
                  - { at: 9s, stop: lb, rollback: start }
                """)).containsExactly("5s kill 0", "6s kill 1", "7s pause 2", "8s latency 3", "9s stop 4",
                "45s rollback 0", "45s rollback 2", "45s rollback 3", "45s rollback 4");
    }

    @Test
    void aNetworkFaultWithADurationHealsItselfBeforeAStepAtThatTime() {
        assertThat(lines("""
                name: durations
                steps:
                  - { at: 5s, latency: { link: web -> cache, ms: 10 }, duration: 10s }
                  - { at: 15s, latency: { link: web -> cache, ms: 20 }, duration: 5s }
                  - { at: 16s, partition: web -> database.primary }
                """)).containsExactly("5s latency 0", "15s duration 0", "15s latency 1", "16s partition 2",
                "20s duration 1", "30s rollback 2");
    }

    @Test
    void aHealEndsTheFaultsOfItsLinkOrAllOfThem() {
        assertThat(lines("""
                name: heal
                steps:
                  - { at: 1s, latency: { link: web -> cache, ms: 10 }, duration: 20s }
                  - { at: 2s, bandwidth: { link: web -> cache, kbps: 10 } }
                  - { at: 3s, reset: web -> database.primary }
                  - { at: 4s, heal: web -> cache }
                  - { at: 5s, timeout: { link: web -> cache, ms: 0 } }
                  - { at: 6s, heal: all }
                """)).containsExactly("1s latency 0", "2s bandwidth 1", "3s reset 2", "4s heal 3 undoes [0, 1]",
                "5s timeout 4", "6s heal 5 undoes [2, 4]");
    }

    @Test
    void startAndUnpausePairWithTheFaultOfTheSameTargetWhenThereIsOne() {
        assertThat(lines("""
                name: pairs
                steps:
                  - { at: 1s, stop: lb }
                  - { at: 2s, pause: web }
                  - { at: 3s, start: lb }
                  - { at: 4s, unpause: web }
                  - { at: 5s, start: cache }
                  - { at: 6s, unpause: lb }
                """)).containsExactly("1s stop 0", "2s pause 1", "3s start 2 undoes [0]", "4s unpause 3 undoes [1]",
                "5s start 4", "6s unpause 5");
    }

    @Test
    void aRestoreUndoesTheLatestFaultOfItsTargetAndEachFaultOnce() {
        assertThat(lines("""
                name: twice
                steps:
                  - { at: 1s, kill: web }
                  - { at: 2s, kill: web }
                  - { at: 3s, restore: web }
                  - { at: 4s, restore: web }
                """)).containsExactly("1s kill 0", "2s kill 1", "3s restore 2 undoes [1]", "4s restore 3 undoes [0]");
    }

    @Test
    void aHandBuiltExperimentWhoseRestoreUndoesNothingIsRefused() throws Exception {
        var e = new Experiment("x", "", Load.DEFAULT, List.of(new Step(0, Duration.ofSeconds(1),
                new ContainerAction.Restore(Selectors.target("web")))), java.util.Map.of(), Duration.ZERO);
        assertThatThrownBy(() -> Schedule.of(e)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("steps[0]: nothing to restore");
    }

    @Test
    void theScheduleKnowsWhenTheRollbackIsAndWhenTheLoadEnds() {
        Schedule schedule = Schedule.of(ok("""
                name: times
                load: { duration: 50s }
                cooldown: 20s
                steps: [{ at: 1s, kill: web }]
                """));
        assertThat(schedule.rollbackAt()).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.end()).isEqualTo(Duration.ofSeconds(50));
    }
}
