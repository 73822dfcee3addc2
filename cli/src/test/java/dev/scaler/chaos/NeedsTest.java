package dev.scaler.chaos;

import static dev.scaler.chaos.Experiments.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.plan.Topologies;
import org.junit.jupiter.api.Test;

class NeedsTest {

    @Test
    void theNeedsAreReadFromTheTargetsAndLinks() {
        Experiment e = ok("""
                name: needs
                steps:
                  - { at: 1s, kill: "web[3]" }
                  - { at: 2s, kill: "lb[2]" }
                  - { at: 3s, kill: cache.replica }
                  - { at: 4s, kill: cache.sentinel }
                  - { at: 5s, kill: "database[3]" }
                  - { at: 6s, kill: "shard[2].replica" }
                  - { at: 7s, kill: cdn.edge }
                  - { at: 8s, pause: dc:eu-west }
                  - { at: 9s, heal: all }
                """);
        assertThat(Needs.of(e)).containsExactly("3 web replicas", "2 load balancers", "a cache",
                "a cache with a replica", "Redis Sentinels", "a database", "a database with 2 replicas", "2 shards",
                "shards with a replica", "a cdn", "two datacenters or more", "a datacenter named eu-west",
                "proxies: true (network faults go through Toxiproxy)");
        assertThat(Needs.unmet(e, Starter.topology())).containsExactly("a cdn", "two datacenters or more",
                "a datacenter named eu-west");
    }

    @Test
    void theSmallestTopologyLacksEveryDataTier() {
        Experiment e = ok("""
                name: data
                steps:
                  - { at: 1s, kill: database.primary }
                  - { at: 2s, partition: "web -> shard[1]" }
                  - { at: 3s, kill: cache.primary }
                """);
        assertThat(Needs.unmet(e, Topologies.of("name: demo\nweb: { sessions: redis }\n"))).containsExactly(
                "a database", "proxies: true (network faults go through Toxiproxy)", "shards");
        assertThat(Needs.unmet(e, Topologies.of("""
                name: full
                database: { replicas: 1 }
                shards: { count: 1 }
                proxies: true
                """))).isEmpty();
    }
}
