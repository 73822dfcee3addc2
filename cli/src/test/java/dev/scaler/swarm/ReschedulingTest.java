package dev.scaler.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.swarm.Rescheduling.Change;
import dev.scaler.swarm.Rescheduling.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReschedulingTest {
    @Test
    void theFirstLookOnlyLearnsWhereThingsRun() {
        assertThat(new Rescheduling().look(Map.of("web-1", "n1", "web-2", "n3"))).isEmpty();
    }

    @Test
    void aTaskOfADeadNodeIsLostThenRunsOnAnother() {
        var r = new Rescheduling();
        r.look(Map.of("web-1", "n1", "web-2", "n3", "db-1", "n3"));
        assertThat(r.look(Map.of("web-1", "n1", "web-2", "n3", "db-1", "n3"))).isEmpty();
        assertThat(r.look(Map.of("web-1", "n1"))).containsExactly(new Change("db-1", Kind.LOST, "n3", ""),
                new Change("web-2", Kind.LOST, "n3", ""));
        assertThat(r.look(Map.of("web-1", "n1", "web-2", "n2"))).containsExactly(
                new Change("web-2", Kind.MOVED, "n3", "n2"));
        // The pinned database node waits for its own node and comes back there.
        assertThat(r.look(Map.of("web-1", "n1", "web-2", "n2", "db-1", "n3"))).containsExactly(
                new Change("db-1", Kind.BACK, "n3", "n3"));
        assertThat(new Change("web-2", Kind.MOVED, "n3", "n2").detail()).isEqualTo("n3 -> n2");
        assertThat(new Change("db-1", Kind.LOST, "n3", "").detail()).isEqualTo("on n3");
        assertThat(new Change("db-1", Kind.BACK, "n3", "n3").detail()).isEqualTo("on n3");
    }

    @Test
    void aTaskSeenOnAnotherNodeWithoutBeingSeenLostHasMoved() {
        var r = new Rescheduling();
        r.look(Map.of("lb-1", "n1"));
        assertThat(r.look(Map.of("lb-1", "n2"))).containsExactly(new Change("lb-1", Kind.MOVED, "n1", "n2"));
    }

    @Test
    void aTaskThatAppearsLaterHasNotMoved() {
        var r = new Rescheduling();
        r.look(Map.of("web-1", "n1"));
        assertThat(r.look(Map.of("web-1", "n1", "web-2", "n2"))).isEmpty();
    }
}
