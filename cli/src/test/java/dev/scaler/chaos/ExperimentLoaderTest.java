package dev.scaler.chaos;

import static dev.scaler.chaos.Experiments.ok;
import static dev.scaler.chaos.Experiments.only;
import static dev.scaler.chaos.Experiments.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scaler.files.InputFile;
import dev.scaler.load.Journey;
import dev.scaler.load.JourneyMix;
import dev.scaler.plan.Tier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExperimentLoaderTest {

    static Path resource(String name) throws Exception {
        return Path.of(ExperimentLoaderTest.class.getResource("/experiments/" + name).toURI());
    }

    private static Target t(String text) throws SelectorException {
        return Selectors.target(text);
    }

    private static Link l(String text) throws SelectorException {
        return Selectors.link(text);
    }

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void everyFieldAndEveryActionIsBound() throws Exception {
        Experiment e = InputFile.experiment(resource("good/full.yaml"));
        var weights = new EnumMap<Journey, Integer>(Journey.class);
        weights.putAll(Map.of(Journey.BROWSE, 50, Journey.LOGIN, 10, Journey.WRITE, 30, Journey.READ, 10));
        assertThat(e.name()).isEqualTo("full");
        assertThat(e.description()).isEqualTo("Every action of the format, once.");
        assertThat(e.load()).isEqualTo(new Load(12.5, Duration.ofMinutes(5), new JourneyMix(weights),
                Duration.ofMillis(1500), 20));
        assertThat(e.cooldown()).isEqualTo(s(30));
        assertThat(e.rollbackAt()).isEqualTo(s(270));
        assertThat(e.hypothesis()).containsExactly(Map.entry("availability", ">= 99%"),
                Map.entry("recovery", "<= 10s"), Map.entry("lostWrites", "0"), Map.entry("p99", "<= 500ms"));
        assertThat(e.steps()).containsExactly(
                new Step(0, s(10), new ContainerAction.Kill(t("database.primary"), Rollback.LEAVE)),
                new Step(1, s(5), new ContainerAction.Stop(t("web[2]"), Rollback.START)),
                new Step(2, s(20), new ContainerAction.Start(t("web[2]"))),
                new Step(3, s(30), new ContainerAction.Pause(t("cache.replica"))),
                new Step(4, s(40), new ContainerAction.Unpause(t("cache.replica"))),
                new Step(5, s(50), new ContainerAction.Restore(t("database.primary"))),
                new Step(6, s(60), new ContainerAction.Kill(
                        new Target.Nodes(Tier.SHARD, Pick.EVERY, Optional.of(Role.PRIMARY)), Rollback.START)),
                new Step(7, s(61), new NetworkFault.Latency(l("web -> cache.primary"), Duration.ofMillis(200),
                        Duration.ofMillis(20)), Optional.of(s(20)), 0.5),
                new Step(8, s(62), new NetworkFault.Bandwidth(l("web -> database.primary"), 64)),
                new Step(9, s(63), new NetworkFault.Timeout(l("web -> cache"), Duration.ZERO)),
                new Step(10, s(64), new NetworkFault.Reset(l("web -> shard[1].primary"), Duration.ZERO)),
                new Step(11, s(65), new NetworkFault.Reset(l("web -> database.replica"), Duration.ofMillis(100))),
                new Step(12, s(66), new NetworkFault.Partition(l("web -> shard[1]")), Optional.of(s(10)), 1),
                new Step(13, s(67), new NetworkFault.SlowClose(l("web -> database"), s(2))),
                new Step(14, s(68), new NetworkFault.LimitData(l("web -> cache.replica"), 1024)),
                new Step(15, s(69), new NetworkFault.Slicer(l("web -> shard[2]"), 64, 32, 10)),
                new Step(16, s(70), new Heal(Optional.of(l("web -> database.primary")))),
                new Step(17, s(71), new ContainerAction.Pause(new Target.Datacenter("eu-west"))),
                new Step(18, s(72), new NetworkFault.Partition(new Link.Between("us-east", "eu-west"))),
                new Step(19, s(80), Heal.ALL));
    }

    @Test
    void theSmallestExperimentTakesTheLoadDefaultsOfScalerLoad() throws Exception {
        Experiment e = InputFile.experiment(resource("good/smallest.yaml"));
        assertThat(e.load()).isEqualTo(Load.DEFAULT);
        assertThat(e.load()).isEqualTo(new Load(50, s(30), JourneyMix.parse("browse=60,write=20,login=10,account=10"),
                s(2), 50));
        assertThat(e.description()).isEmpty();
        assertThat(e.hypothesis()).isEmpty();
        assertThat(e.cooldown()).isZero();
        assertThat(e.rollbackAt()).isEqualTo(s(30));
    }

    @Test
    void aFileWithSeveralProblemsReportsThemAllAtOnce() {
        String yaml = """
                name: Several
                load:
                  rate: fast
                  duration: 1m
                steps:
                  - at: 10s
                    kill: datbase.primary
                  - at: 2m
                    latency: { link: web -> cache, ms: 100 }
                    toxicity: 2
                  - at: 20s
                    restore: web
                hypothesis:
                  p99: 500
                """;
        assertThat(problems(yaml)).extracting(p -> p.location() + " " + p.message()).containsExactly(
                "1:7 name: expected a name: a lowercase letter, then up to 62 lowercase letters, digits or '-', got"
                        + " 'Several'",
                "3:9 load.rate: expected arrivals per second above 0 and at most 1000000, like 200/s, got 'fast'",
                "7:11 steps[0].kill: 'datbase' cannot be targeted; did you mean 'database'? (targets are lb, web,"
                        + " cache, database, shard, cdn and dc:NAME)",
                "8:9 steps[1].at: at 2m is not before the load ends at 60s; make the step earlier or the load longer",
                "10:15 steps[1].toxicity: expected a number from 0 to 1 (the share of connections the fault applies"
                        + " to), like 0.5, got '2'",
                "14:8 hypothesis p99: '500' needs a unit: ms, s or m (e.g. \"<= 500ms\")");
    }

    @Test
    void stagesAreReadAsK6UsersWriteThem() throws Exception {
        var e = ExperimentLoader.parse("ramp.yaml", """
                name: ramp
                load:
                  stages:
                    - { duration: 30s, target: 50 }
                    - { duration: 60s, target: 400/s }
                    - { duration: 0s, target: 100 }
                    - { duration: 30s, target: 50 }
                steps: [{ at: 100s, kill: web }]
                """);
        assertThat(e.load().shape()).isEqualTo(dev.scaler.load.LoadShape.parse("30s:50,60s:400,0s:100,30s:50"));
        assertThat(e.load().duration()).isEqualTo(s(120));
        assertThat(e.load().rate()).isEqualTo(400);
    }

    @Test
    void wrongStagesAreReportedWhereTheyAreWritten() {
        assertThat(problems("""
                name: ramp
                load:
                  rate: 50
                  stages:
                    - { duration: 30s, target: lots }
                    - { target: 10, hold: 5s }
                    - 30s:50
                steps: [{ at: 1s, kill: web }]
                """)).extracting(p -> p.location() + " " + p.message()).containsExactly(
                "5:5 load.stages: give rate and duration, or stages, not both: the stages say the rate over time and"
                        + " how long the load lasts",
                "5:32 load.stages[0].target: expected arrivals per second from 0 to 1000000, like 400/s, got 'lots'",
                "6:7 load.stages[1]: missing required field 'duration' (how long this stage ramps to its target, like"
                        + " 30s; 0s jumps)",
                "6:21 unknown field 'hold' in load.stages[1] (expected duration or target)",
                "7:7 load.stages[2]: expected a mapping of fields, got '30s:50'");
        only("""
                name: ramp
                load: { stages: [{ duration: 10s, target: 0 }] }
                steps: [{ at: 1s, kill: web }]
                """, 2, 17, "load.stages: at least one stage must have a target above 0");
    }

    @Test
    void journeysWrittenAsOnTheCommandLineAreOneProblem() {
        only("""
                name: j
                load: { journeys: browse=70 }
                steps: [{ at: 1s, kill: web }]
                """, 2, 19, "load.journeys: expected a mapping of fields, got 'browse=70'");
    }

    @Test
    void problemsNameTheSourceTheTextCameFrom() {
        var e = catchThrowableOfType(ExperimentException.class,
                () -> ExperimentLoader.parse("builtin:kill-web", "name: kill-web\n"));
        assertThat(e.getMessage()).isEqualTo("builtin:kill-web:1:1: missing required field 'steps' (what to break and"
                + " when, for example `steps: [{ at: 10s, kill: database.primary }]`; for load without faults use"
                + " scaler load)");
    }

    @Test
    void aSelectorInAFlowMappingIsReportedAtItsBadPart() {
        only("""
                name: flow
                steps:
                  - { at: 5s, latency: { link: "web -> cache.primry", ms: 5 } }
                """, 3, 46, "'primry' is not a role of cache; did you mean 'primary'?");
    }

    @Test
    void aSelectorFoldedOverTwoLinesIsReportedAtItsStart() {
        // Found by ExperimentLoaderPropertiesTest: the offset into the folded value was added to the first line's
        // column, pointing past the end of that line (3:32 on a 30-column line).
        only("""
                name: folded
                steps:
                  - at: 5s
                    partition: web -> shard[1]
                       duratio
                """, 4, 16, "unexpected 'duratio' after the link");
    }

    @Test
    void stepsMayBeWrittenOutOfOrderButARestoreNeedsAnEarlierFault() {
        Experiment e = ok("""
                name: order
                steps:
                  - { at: 20s, restore: "web[1]" }
                  - { at: 10s, kill: "web[1]" }
                """);
        assertThat(Schedule.of(e).entries()).extracting(entry -> entry.step().index()).containsExactly(1, 0);
        only("""
                name: order
                steps:
                  - at: 10s
                    restore: web[1]
                  - { at: 20s, kill: "web[1]" }
                """, 4, 14, "nothing to restore: no kill, stop or pause of web[1] is in effect before 10s");
    }

    @Test
    void bracketsInsideBracesMustBeQuotedAndTheErrorSaysSo() {
        only("""
                name: flow
                steps:
                  - { at: 10s, kill: web[1] }
                """, 3, 25, "inside { } or [ ] a value that contains [ ] must be quoted, like \"web[2]\"");
    }

    @Test
    void aRestoreIsNotJudgedWhenAnotherStepHasAProblem() {
        // The kill has a typo: saying that the restore undoes nothing would be a second problem the user did not make.
        only("""
                name: typo
                steps:
                  - { at: 10s, kill: web, rollback: laeve }
                  - { at: 20s, restore: web }
                """, 3, 37, "did you mean 'leave'?");
    }

    @Test
    void aStepAtTheRollbackIsTooLateButOneJustBeforeIsFine() {
        only("""
                name: edge
                load: { duration: 30s }
                cooldown: 10s
                steps:
                  - { at: 20s, kill: web }
                """, 5, 11, "at 20s is not before the rollback at 20s (load.duration 30s minus cooldown 10s)");
        assertThat(ok("""
                name: edge
                load: { duration: 30s }
                cooldown: 10s
                steps:
                  - { at: 19999ms, latency: { link: web -> cache, ms: 5 }, duration: 1ms }
                """).steps()).hasSize(1);
    }

    @Test
    void aGamedayIsReadAsAListOfExperiments() throws Exception {
        ChaosScript script = ExperimentLoader.parseScript("gameday.yaml", """
                name: friday
                description: Two in a row.
                gameday: [kill-web, kill-primary]
                settle: 1m
                """);
        assertThat(script).isEqualTo(new Gameday("friday", "Two in a row.", List.of("kill-web", "kill-primary"),
                Duration.ofMinutes(1)));
        assertThat(((Gameday) ExperimentLoader.parseScript("g.yaml", "name: g\ngameday: [a]\n")).settle())
                .isEqualTo(s(10));
        var e = catchThrowableOfType(ExperimentException.class,
                () -> ExperimentLoader.parse("g.yaml", "name: g\ngameday: [a]\n"));
        assertThat(e.problems()).singleElement().hasToString("g.yaml:1:1: this is a gameday (it lists experiments to"
                + " run one after another), not one experiment");
    }

    @Test
    void aMissingFileIsAProblemLikeAnyOther() {
        var e = catchThrowableOfType(ExperimentException.class,
                () -> InputFile.experiment(Path.of("no-such-experiment.yaml")));
        assertThat(e.getMessage()).isEqualTo("no-such-experiment.yaml: no such file");
    }
}
