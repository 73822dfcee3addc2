package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinksTest {

    private static final Snapshot STARTER = Starter.snapshot();

    private static List<String> proxies(String link, Snapshot snapshot) throws Exception {
        return Links.proxies(Selectors.link(link), snapshot);
    }

    @Test
    void theStarterHasAProxyInFrontOfEveryDataNodeAndPrimaryRoute() {
        assertThat(STARTER.proxies()).containsExactly("cache-1", "cache-2", "database-1", "database-2", "database-3",
                "database-primary", "shard-1-1", "shard-1-2", "shard-1-primary", "shard-2-1", "shard-2-2",
                "shard-2-primary");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "web -> database.primary | database-primary",
        "web -> shard[1].primary | shard-1-primary",
        "web -> shard[*].primary | shard-1-primary shard-2-primary",
        "web -> cache.primary    | cache-1",
        "web -> cache.replica    | cache-2",
        "web -> cache[2]         | cache-2",
        "web -> database.replica | database-2 database-3",
        "web -> database[3]      | database-3",
        "web -> shard[1]         | shard-1-1 shard-1-2 shard-1-primary",
        "web -> shard[2].replica | shard-2-2",
        "web -> cache            | cache-1 cache-2",
        "web -> database         | database-1 database-2 database-3 database-primary",
        "web -> shard            | shard-1-1 shard-1-2 shard-1-primary shard-2-1 shard-2-2 shard-2-primary"})
    void aLinkIsEveryProxyOnThatPath(String link, String expected) throws Exception {
        assertThat(proxies(link, STARTER)).containsExactly(expected.split(" "));
    }

    @Test
    void webToQueueIsEveryQueueProxyAndTheLeaderIsTheOneItReports() throws Exception {
        var members = List.of(queueNode(1, ""), queueNode(2, "leader"), queueNode(3, ""));
        var snapshot = new Snapshot(members, Set.of("queue-1", "queue-2", "queue-3", "workers-queue-1",
                "workers-queue-2", "workers-queue-3"));
        assertThat(proxies("web -> queue", snapshot)).containsExactly("queue-1", "queue-2", "queue-3");
        assertThat(proxies("web -> queue.leader", snapshot)).containsExactly("queue-2");
        assertThat(proxies("web -> queue[3]", snapshot)).containsExactly("queue-3");
        assertThat(proxies("workers -> queue", snapshot)).containsExactly("workers-queue-1", "workers-queue-2",
                "workers-queue-3");
        assertThat(proxies("workers -> queue.leader", snapshot)).containsExactly("workers-queue-2");
    }

    private static Member queueNode(int i, String role) {
        return new Member("p-queue-" + i, "id" + i, "queue", i, java.util.Optional.empty(), java.util.Optional.empty(),
                role, Member.State.RUNNING);
    }

    @Test
    void cachePrimaryFollowsTheRoleRedisReports() throws Exception {
        Snapshot failedOver = Starter.with(Starter.with(STARTER, "starter-cache-1", m -> Starter.role(m, "replica")),
                "starter-cache-2", m -> Starter.role(m, "primary"));
        assertThat(proxies("web -> cache.primary", failedOver)).containsExactly("cache-2");
        assertThat(proxies("web -> cache.replica", failedOver)).containsExactly("cache-1");
    }

    @Test
    void onlyProxiesThatExistAreReturned() throws Exception {
        var some = new Snapshot(STARTER.members(), Set.of("database-primary", "database-2"));
        assertThat(proxies("web -> database.replica", some)).containsExactly("database-2");
        assertThatThrownBy(() -> proxies("web -> cache.primary", some))
                .isInstanceOf(TargetNotFoundException.class)
                .hasMessage("no proxy is on web -> cache.primary: cache-1 does not exist (network faults need a"
                        + " topology with proxies: true, brought up with scaler up)");
        assertThatThrownBy(() -> proxies("web -> cache", new Snapshot(STARTER.members(), Set.of())))
                .hasMessage("no proxy is on web -> cache right now: no container is cache (starter-cache-1 (primary),"
                        + " starter-cache-2 (replica))");
    }

    @Test
    void aLinkWithNobodyInThatRoleNamesNothing() {
        Snapshot noPrimary = Starter.with(STARTER, "starter-cache-1", m -> Starter.role(m, ""));
        assertThatThrownBy(() -> proxies("web -> cache.primary", noPrimary))
                .hasMessage("no proxy is on web -> cache.primary right now: no container is cache.primary"
                        + " (starter-cache-1 (role unknown), starter-cache-2 (replica))");
    }

    @Test
    void aProjectWithOneDatacenterHasNoLinkBetweenTwo() {
        assertThatThrownBy(() -> Links.proxies(new Link.Between("us-east", "eu-west"), STARTER))
                .isInstanceOf(TargetNotFoundException.class)
                .hasMessageContaining("no proxy joins dc:us-east and dc:eu-west");
    }

    @Test
    void aPartitionBetweenDatacentersIsEveryLinkBetweenThemBothWaysAndNoOther() throws Exception {
        var three = new Snapshot(STARTER.members(), Set.of("link.us-east.eu-west.db-2", "link.eu-west.us-east.db-1",
                "link.eu-west.us-east.db-router-3306", "link.ap-south.us-east.db-1", "link.eu-west.ap-south.db-3",
                "cache-1"));
        assertThat(Links.proxies(new Link.Between("eu-west", "us-east"), three)).containsExactly(
                "link.eu-west.us-east.db-1", "link.eu-west.us-east.db-router-3306", "link.us-east.eu-west.db-2");
        assertThat(Links.proxies(new Link.Between("ap-south", "eu-west"), three))
                .containsExactly("link.eu-west.ap-south.db-3");
    }
}
