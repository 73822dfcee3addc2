package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObserveTest {
    @Test
    void everyRoleASelectorCanNameIsAskedBeforeARunAndInADryRun() throws SelectorException {
        // The check before a run and --dry-run ask ROLE_TIERS once for every step; a tier missing there made
        // `queue.leader` resolve to nothing ("role unknown") although the step itself would have found it.
        for (String selector : List.of("database.primary", "database.replica", "shard[1].primary", "shard[2].replica",
                "cache.primary", "cache.replica", "queue.leader")) {
            var kill = new ContainerAction.Kill(Selectors.target(selector), Rollback.START);
            assertThat(Observe.rolesNeeded(kill)).as(selector).isNotEmpty();
            assertThat(Observe.ROLE_TIERS).as(selector).containsAll(Observe.rolesNeeded(kill));
        }
    }
}
