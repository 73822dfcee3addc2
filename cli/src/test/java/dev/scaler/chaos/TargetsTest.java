package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final Snapshot STARTER = Starter.snapshot();

    private static List<String> choose(String target, Member.State wanted, Snapshot snapshot, long seed)
            throws Exception {
        return Targets.choose(Selectors.target(target), wanted, snapshot, Targets.random(seed)).names();
    }

    private static List<String> running(String target) throws Exception {
        return choose(target, Member.State.RUNNING, STARTER, 42);
    }

    @Test
    void theStarterIsWhatTheFixtureThinks() {
        assertThat(STARTER.members()).extracting(Member::container).contains("starter-lb-1", "starter-lb-2",
                "starter-web-3", "starter-cache-1", "starter-cache-2", "starter-cache-sentinel-3", "starter-db-1",
                "starter-db-3", "starter-db-router", "starter-shard-2-2", "starter-agent");
    }

    @Test
    void numberedAndEveryTargetsNameExactlyThose() throws Exception {
        assertThat(running("web[2]")).containsExactly("starter-web-2");
        assertThat(running("web[*]")).containsExactly("starter-web-1", "starter-web-2", "starter-web-3");
        assertThat(running("lb[*]")).containsExactly("starter-lb-1", "starter-lb-2");
        assertThat(running("database[2]")).containsExactly("starter-db-2");
        assertThat(running("database[*]")).containsExactly("starter-db-1", "starter-db-2", "starter-db-3");
        assertThat(running("database[*].replica")).containsExactly("starter-db-2", "starter-db-3");
        assertThat(running("shard[*].primary")).containsExactly("starter-shard-1-1", "starter-shard-2-1");
        assertThat(running("shard[*]")).hasSize(4);
        assertThat(running("cache[*]")).containsExactly("starter-cache-1", "starter-cache-2");
        assertThat(running("cache[*].sentinel")).containsExactly("starter-cache-sentinel-1",
                "starter-cache-sentinel-2", "starter-cache-sentinel-3");
    }

    @Test
    void rolesAreTheOnesTheServicesReportNow() throws Exception {
        assertThat(running("database.primary")).containsExactly("starter-db-1");
        assertThat(running("cache.primary")).containsExactly("starter-cache-1");
        assertThat(running("shard[2].primary")).containsExactly("starter-shard-2-1");
        assertThat(running("shard[1].replica")).containsExactly("starter-shard-1-2");
        // After a failover, database.primary is whoever says so now.
        Snapshot after = Starter.with(Starter.with(STARTER, "starter-db-1",
                m -> Starter.state(m, Member.State.STOPPED)), "starter-db-3", m -> Starter.role(m, "primary"));
        assertThat(choose("database.primary", Member.State.RUNNING, after, 1)).containsExactly("starter-db-3");
        assertThat(choose("database.replica", Member.State.RUNNING, after, 1)).containsExactly("starter-db-2");
    }

    @Test
    void withoutAStarOneIsDrawnWithTheSeedWhateverOrderDockerListsThemIn() throws Exception {
        var reversed = new Snapshot(STARTER.members().reversed(), STARTER.proxies());
        for (long seed = 0; seed < 20; seed++) {
            List<String> one = choose("web", Member.State.RUNNING, STARTER, seed);
            assertThat(one).hasSize(1);
            assertThat(choose("web", Member.State.RUNNING, reversed, seed)).isEqualTo(one);
        }
        var drawn = new java.util.HashSet<String>();
        for (long seed = 0; seed < 50; seed++) {
            drawn.addAll(choose("web", Member.State.RUNNING, STARTER, seed));
        }
        assertThat(drawn).containsExactlyInAnyOrder("starter-web-1", "starter-web-2", "starter-web-3");
        Choice choice = Targets.choose(Selectors.target("database.replica"), Member.State.RUNNING, STARTER,
                Targets.random(7));
        assertThat(choice.random()).isTrue();
        assertThat(choice.candidates()).extracting(Member::container).containsExactly("starter-db-2", "starter-db-3");
    }

    @Test
    void theRouterAndTheSentinelsAreNeverTakenForDataNodes() throws Exception {
        for (long seed = 0; seed < 30; seed++) {
            assertThat(choose("database", Member.State.RUNNING, STARTER, seed)).allMatch(n -> n.matches(
                    "starter-db-\\d"));
            assertThat(choose("cache", Member.State.RUNNING, STARTER, seed)).allMatch(n -> n.matches(
                    "starter-cache-\\d"));
        }
        assertThat(running("database[*]")).doesNotContain("starter-db-router");
    }

    @Test
    void theStateAnActionNeedsFiltersTheCandidates() throws Exception {
        Snapshot webTwoDown = Starter.with(STARTER, "starter-web-2", m -> Starter.state(m, Member.State.STOPPED));
        assertThat(choose("web[*]", Member.State.RUNNING, webTwoDown, 1)).containsExactly("starter-web-1",
                "starter-web-3");
        assertThat(choose("web", Member.State.STOPPED, webTwoDown, 1)).containsExactly("starter-web-2");
        assertThat(Targets.wanted(new ContainerAction.Kill(Selectors.target("web"), Rollback.START)))
                .isEqualTo(Member.State.RUNNING);
        assertThat(Targets.wanted(new ContainerAction.Start(Selectors.target("web")))).isEqualTo(Member.State.STOPPED);
        assertThat(Targets.wanted(new ContainerAction.Unpause(Selectors.target("web"))))
                .isEqualTo(Member.State.PAUSED);
        assertThatThrownBy(() -> Targets.wanted(new ContainerAction.Restore(Selectors.target("web"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingToNameIsAClearError() {
        Snapshot primaryDead = Starter.with(STARTER, "starter-db-1", m -> Starter.state(m, Member.State.STOPPED));
        assertThatThrownBy(() -> choose("database.primary", Member.State.RUNNING, primaryDead, 1))
                .isInstanceOf(TargetNotFoundException.class)
                .hasMessage("no running container is database.primary right now: starter-db-1 (stopped),"
                        + " starter-db-2 (replica), starter-db-3 (replica)");
        assertThatThrownBy(() -> running("web[7]")).hasMessage("no container is web[7]: the project has no web"
                + " container number 7");
        assertThatThrownBy(() -> running("shard[3].primary")).hasMessage("no container is shard[3].primary: the"
                + " project has no shard container in shard 3");
        assertThatThrownBy(() -> running("cdn.origin")).hasMessage("no container is cdn.origin: the project has no"
                + " cdn container");
        assertThatThrownBy(() -> running("dc:eu-west")).hasMessage("no container is dc:eu-west: the project has no"
                + " container in datacenter eu-west");
    }

    @Test
    void aDatacenterNamesEveryContainerInIt() throws Exception {
        var members = STARTER.members().stream().map(m -> new Member(m.container(), m.id(), m.tier(), m.index(),
                m.shard(), java.util.Optional.of(m.container().contains("web-1") ? "eu-west" : "us-east"), m.role(),
                m.state())).toList();
        assertThat(choose("dc:eu-west", Member.State.RUNNING, new Snapshot(members, STARTER.proxies()), 1))
                .containsExactly("starter-web-1");
    }
}
