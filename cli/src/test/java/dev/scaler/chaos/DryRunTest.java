package dev.scaler.chaos;

import static dev.scaler.chaos.Experiments.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DryRunTest {

    private static final Experiment EXPERIMENT = ok("""
            name: mixed
            load: { rate: 100/s, duration: 60s }
            cooldown: 10s
            steps:
              - { at: 5s, kill: web }
              - at: 10s
                latency: { link: web -> cache.primary, ms: 200, jitter: 20 }
                duration: 20s
                toxicity: 0.5
              - { at: 12s, kill: database.primary, rollback: leave }
              - { at: 15s, stop: cdn.origin }
              - { at: 40s, restore: database.primary }
            """);

    @Test
    void theTableShowsEveryEntryAsWrittenAndAsItResolvesNow() {
        String text = DryRun.of(EXPERIMENT, Optional.of(Starter.snapshot()), 42).text();
        assertThat(text).isEqualTo("""
                mixed: load 100/s for 60s (browse=60,login=10,write=20,account=10, timeout 2s, 50 users); rollback at 50s; seed 42
                needs: proxies: true (network faults go through Toxiproxy), a cache, a database, a cdn
                  AT   ACTION                     TARGET                RESOLVES NOW TO  NOTE
                  5s   kill                       web                   %s    rollback: start
                  10s  latency 200ms jitter 20ms  web -> cache.primary  cache-1          toxicity 0.5; for 20s
                  12s  kill                       database.primary      starter-db-1     rollback: leave (not started again)
                  15s  stop                       cdn.origin            -                rollback: start; not now: no container is cdn.origin: the project has no cdn container
                  30s  heal                       web -> cache.primary  cache-1          the latency at 10s heals itself after 20s
                  40s  restore                    database.primary      starter-db-1     undoes the kill at 12s
                  50s  start                      web                   %s    rollback of the kill at 5s
                  50s  start                      cdn.origin            -                rollback of the stop at 15s
                """.formatted(web(42), web(42)));
    }

    @Test
    void itSaysWhichStepNamesNothingNowSoTheCommandCanExitAsTheRunWould() {
        assertThat(DryRun.of(EXPERIMENT, Optional.of(Starter.snapshot()), 42).notNow())
                .contains("no container is cdn.origin: the project has no cdn container");
        assertThat(DryRun.of(EXPERIMENT, Optional.empty(), 42).notNow()).as("nothing resolved, nothing refused")
                .isEmpty();
    }

    @Test
    void theGuardrailsAreShownBeforeTheSchedule() {
        var guarded = ok("""
                name: guarded
                load: { duration: 60s }
                steps:
                  - { at: 20s, kill: web }
                steadyState: { lines: { availability: ">= 99%", p99: "<= 500ms" }, for: 5s }
                abort: [availability over 10s < 50%]
                """);
        var dry = DryRun.of(guarded, Optional.empty(), 1);
        assertThat(dry.text()).contains("steady state first: availability >= 99%, p99 <= 500ms for 5s in a row,"
                + " within 18s; else nothing is injected\n")
                .contains("abort when: availability over 10s < 50% (every fault is then rolled back at once)\n");
        assertThat(dry.abort()).containsExactly("availability over 10s < 50%");
        assertThat(DryRun.of(EXPERIMENT, Optional.empty(), 1).steadyState()).isEmpty();
    }

    /** The web replica the seed draws first: what the run would kill. */
    private static String web(long seed) {
        try {
            return Targets.choose(Selectors.target("web"), Member.State.RUNNING, Starter.snapshot(),
                    Targets.random(seed)).names().get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSameSeedChoosesTheSameAndTheDrawsFollowTheSchedule() {
        for (long seed = 0; seed < 10; seed++) {
            var first = DryRun.of(EXPERIMENT, Optional.of(Starter.snapshot()), seed);
            assertThat(DryRun.of(EXPERIMENT, Optional.of(Starter.snapshot()), seed)).isEqualTo(first);
            assertThat(first.rows().get(0).resolved()).containsExactly(web(seed));
        }
    }

    @Test
    void withoutARunningProjectNothingIsResolved() {
        DryRun dry = DryRun.of(EXPERIMENT, Optional.empty(), 7);
        assertThat(dry.resolved()).isFalse();
        assertThat(dry.rows()).allSatisfy(row -> assertThat(row.resolved()).isEmpty());
        assertThat(dry.text()).contains("(targets not resolved: no running project to resolve them against)")
                .contains("  5s   kill                       web                   -         rollback: start");
    }

    @Test
    void itIsPlainDataForJson() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(DryRun.of(EXPERIMENT, Optional.of(Starter.snapshot()), 42));
        assertThat(json.get("experiment").asText()).isEqualTo("mixed");
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("rollbackAt").asText()).isEqualTo("50s");
        assertThat(json.get("resolved").asBoolean()).isTrue();
        JsonNode latency = json.get("rows").get(1);
        assertThat(latency.get("at").asText()).isEqualTo("10s");
        assertThat(latency.get("action").asText()).isEqualTo("latency 200ms jitter 20ms");
        assertThat(latency.get("target").asText()).isEqualTo("web -> cache.primary");
        assertThat(latency.get("resolved").get(0).asText()).isEqualTo("cache-1");
        assertThat(json.get("rows")).hasSize(8);
    }
}
