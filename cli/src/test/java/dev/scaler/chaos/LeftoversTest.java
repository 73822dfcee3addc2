package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {
    @TempDir
    Path dir;

    FakeDocker docker;
    FakeFaults proxies;
    Journal journal;
    Undo rollback;

    @BeforeEach
    void setUp() {
        docker = new FakeDocker().add("p", "p-db-1", "database", 1, Map.of())
                .add("p", "p-web-1", "web", 1, Map.of())
                .add("p", "p-web-2", "web", 2, Map.of())
                .add("p", "p-cache-1", "cache", 1, Map.of());
        proxies = new FakeFaults("cache-1", "database-primary");
        journal = Journal.of(dir, "p");
        rollback = new Undo(docker, () -> Optional.of(proxies));
    }

    /** An owner whose process cannot exist: pid 2^62. */
    static Journal.Owner dead() {
        return new Journal.Owner(1L << 62, "", "run-1");
    }

    @Test
    void aCrashedRunsFaultsAreUndoneLatestFirstAndTheJournalGoes() {
        journal.begin(dead());
        var kill = new Fault.OnContainer(1, "kill", "database.primary", "id-p-db-1", "p-db-1", true);
        var pause = new Fault.OnContainer(2, "pause", "web[2]", "id-p-web-2", "p-web-2", true);
        var latency = new Fault.OnLink(3, "latency", "web -> cache.primary", "cache-1", "scaler-3");
        for (Fault f : List.of(kill, pause, latency)) {
            journal.applying(f);
        }
        docker.signal("id-p-db-1", "KILL");
        docker.pause("id-p-web-2");
        proxies.add("cache-1", new Toxic("scaler-3", "latency", "downstream", 1, Map.of("latency", 200L)));
        docker.calls.clear();

        var found = Leftovers.undo(journal, rollback, Optional.of(proxies));

        assertThat(found).isInstanceOf(Leftovers.Undone.class);
        assertThat(((Leftovers.Undone) found).complete()).isTrue();
        assertThat(docker.calls).containsExactly("unpause p-web-2", "start p-db-1");
        assertThat(docker.state("p-db-1")).isEqualTo("running");
        assertThat(docker.state("p-web-2")).isEqualTo("running");
        assertThat(proxies.active().get("cache-1")).isEmpty();
        assertThat(Files.exists(journal.file())).isFalse();
    }

    @Test
    void aFaultUndoneDuringTheRunIsNotUndoneAgain() {
        journal.begin(dead());
        journal.applying(new Fault.OnContainer(1, "kill", "web[1]", "id-p-web-1", "p-web-1", true));
        journal.undone(1);
        journal.applying(new Fault.OnContainer(2, "stop", "web[2]", "id-p-web-2", "p-web-2", true));
        docker.stop("id-p-web-2", java.time.Duration.ZERO);
        docker.calls.clear();

        Leftovers.undo(journal, rollback, Optional.of(proxies));

        assertThat(docker.calls).containsExactly("start p-web-2");
    }

    @Test
    void aKillTheExperimentLeavesToFailoverStaysStopped() {
        journal.begin(dead());
        journal.applying(new Fault.OnContainer(1, "kill", "database.primary", "id-p-db-1", "p-db-1", false));
        docker.signal("id-p-db-1", "KILL");
        docker.calls.clear();

        var found = (Leftovers.Undone) Leftovers.undo(journal, rollback, Optional.of(proxies));

        assertThat(docker.calls).isEmpty();
        assertThat(docker.state("p-db-1")).isEqualTo("exited");
        assertThat(found.outcomes().get(0).what()).contains("left stopped");
        assertThat(Files.exists(journal.file())).isFalse();
    }

    @Test
    void aRunThatIsStillGoingIsLeftAlone() {
        journal.begin(Journal.Owner.current("run-2"));
        journal.applying(new Fault.OnContainer(1, "pause", "web[1]", "id-p-web-1", "p-web-1", true));
        docker.pause("id-p-web-1");
        docker.calls.clear();

        var found = Leftovers.undo(journal, rollback, Optional.of(proxies));

        assertThat(found).isInstanceOf(Leftovers.Running.class);
        assertThat(((Leftovers.Running) found).inEffect()).hasSize(1);
        assertThat(docker.calls).isEmpty();
        assertThat(docker.state("p-web-1")).isEqualTo("paused");
    }

    @Test
    void whenUndoingFailsTheJournalStaysForTheNextCommand() {
        journal.begin(dead());
        journal.applying(new Fault.OnLink(1, "latency", "web -> cache.primary", "cache-1", "scaler-1"));

        var found = (Leftovers.Undone) Leftovers.undo(journal, new Undo(docker, Optional::empty), Optional.empty());

        assertThat(found.complete()).isFalse();
        assertThat(journal.read().pending()).hasSize(1);
        assertThat(Leftovers.undo(journal, rollback, Optional.of(proxies))).isInstanceOf(Leftovers.Undone.class);
        assertThat(Files.exists(journal.file())).isFalse();
    }

    @Test
    void toxicsNamedLikeARunsAreRemovedTooButNotOthers() {
        proxies.add("database-primary", new Toxic("scaler-4-timeout", "timeout", "upstream", 1, Map.of("timeout", 0L)));
        proxies.add("database-primary", new Toxic("by-hand", "timeout", "upstream", 1, Map.of("timeout", 0L)));

        var found = (Leftovers.Undone) Leftovers.undo(journal, rollback, Optional.of(proxies));

        assertThat(found.outcomes()).hasSize(1);
        assertThat(proxies.active().get("database-primary")).extracting(Toxic::name).containsExactly("by-hand");
    }

    @Test
    void nothingLeftIsClean() {
        assertThat(Leftovers.undo(journal, rollback, Optional.of(proxies))).isInstanceOf(Leftovers.Clean.class);
    }

    @Test
    void aTornLastLineIsIgnored() throws Exception {
        journal.begin(dead());
        journal.applying(new Fault.OnContainer(1, "pause", "web[1]", "id-p-web-1", "p-web-1", true));
        Files.writeString(journal.file(), "{\"op\":\"fault\",\"fau", java.nio.file.StandardOpenOption.APPEND);

        assertThat(journal.read().pending()).extracting(Fault::id).containsExactly(1);
        assertThat(journal.read().owner().orElseThrow().run()).isEqualTo("run-1");
    }
}
