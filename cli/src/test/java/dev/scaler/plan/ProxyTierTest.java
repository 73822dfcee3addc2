package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.topology.ImageProfile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyTierTest {
    private static final String FULL = """
            name: shop
            cache: { replicas: 1, sentinels: 3 }
            database: { kind: mariadb, replicas: 2 }
            shards: { count: 2, replicas: 1 }
            proxies: true
            """;

    private static Plan plan(String yaml) {
        return Planner.plan(Topologies.of(yaml));
    }

    @Test
    void everyDataPathOfTheWebTierHasAProxyNamedByProxyNamesOnAPortThatReadsAsWhatItLeadsTo() {
        assertThat(plan(FULL).proxies()).containsExactly(
                new ProxyRoute("cache-1", 20001, "shop-cache-1", 6379),
                new ProxyRoute("cache-2", 20002, "shop-cache-2", 6379),
                new ProxyRoute("database-primary", 20100, "shop-db-router", 3306),
                new ProxyRoute("database-1", 20101, "shop-db-1", 3306),
                new ProxyRoute("database-2", 20102, "shop-db-2", 3306),
                new ProxyRoute("database-3", 20103, "shop-db-3", 3306),
                new ProxyRoute("shard-1-primary", 20200, "shop-db-router", 3311),
                new ProxyRoute("shard-1-1", 20201, "shop-shard-1-1", 3306),
                new ProxyRoute("shard-1-2", 20202, "shop-shard-1-2", 3306),
                new ProxyRoute("shard-2-primary", 20300, "shop-db-router", 3312),
                new ProxyRoute("shard-2-1", 20301, "shop-shard-2-1", 3306),
                new ProxyRoute("shard-2-2", 20302, "shop-shard-2-2", 3306));
    }

    @Test
    void namesAreTheOnesExperimentsLookFor() {
        var names = plan(FULL).proxies().stream().map(ProxyRoute::name).toList();
        assertThat(names).contains(ProxyNames.primaryRoute(Optional.empty()), ProxyNames.primaryRoute(Optional.of(2)),
                ProxyNames.node(Tier.CACHE, Optional.empty(), 2).orElseThrow(),
                ProxyNames.node(Tier.SHARD, Optional.of(1), 2).orElseThrow());
        assertThat(names.stream().filter(n -> ProxyNames.inGroup(n, Tier.SHARD, Optional.of(2))))
                .containsExactly("shard-2-primary", "shard-2-1", "shard-2-2");
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void addingNodesOrShardsMovesNoOtherProxy() {
        var small = plan(FULL).proxies();
        var bigger = plan(FULL.replace("replicas: 1, sentinels", "replicas: 3, sentinels").replace("count: 2", "count: 3")
                .replace("replicas: 2 }", "replicas: 4 }")).proxies();
        assertThat(bigger).containsAll(small);
        assertThat(bigger.stream().map(ProxyRoute::listenPort)).doesNotHaveDuplicates();
    }

    @Test
    void noProxiesNoProxyContainerAndDirectAddresses() {
        Plan plan = plan(FULL.replace("proxies: true", "proxies: false"));
        assertThat(plan.proxies()).isEmpty();
        assertThat(plan.containers()).noneMatch(c -> c.tier() == Tier.PROXY);
        var env = plan.container("shop-web-1").orElseThrow().env();
        assertThat(env).containsEntry("SCALER_REDIS_URL", "redis://shop-cache-1:6379")
                .containsEntry("SCALER_DB_PRIMARY_URL", "jdbc:mariadb://shop-db-router:3306/scaler")
                .doesNotContainKey("SCALER_REDIS_VIA");
        assertThat(plan.container("shop-web-1").orElseThrow().dependsOn()).isEmpty();
    }

    @Test
    void webReplicasDialEveryDataNodeThroughTheProxyContainer() {
        var web = plan(FULL).container("shop-web-2").orElseThrow();
        assertThat(web.env())
                .containsEntry("SCALER_REDIS_URL", "redis://shop-proxy:20001")
                .containsEntry("SCALER_REDIS_VIA", "shop-cache-1:6379=shop-proxy:20001,shop-cache-2:6379=shop-proxy:20002")
                // Sentinel itself stays direct: it only names the master, it carries no data.
                .containsEntry("SCALER_REDIS_SENTINELS",
                        "shop-cache-sentinel-1:26379,shop-cache-sentinel-2:26379,shop-cache-sentinel-3:26379")
                .containsEntry("SCALER_DB_PRIMARY_URL", "jdbc:mariadb://shop-proxy:20100/scaler")
                .containsEntry("SCALER_DB_REPLICA_URLS",
                        "jdbc:mariadb://shop-proxy:20102/scaler,jdbc:mariadb://shop-proxy:20103/scaler")
                .containsEntry("SCALER_SHARD_URLS",
                        "jdbc:mariadb://shop-proxy:20200/scaler,jdbc:mariadb://shop-proxy:20300/scaler")
                .containsEntry("SCALER_SHARD_0_REPLICA_URLS", "jdbc:mariadb://shop-proxy:20202/scaler")
                .containsEntry("SCALER_SHARD_1_REPLICA_URLS", "jdbc:mariadb://shop-proxy:20302/scaler");
        assertThat(web.dependsOn()).containsExactly("shop-proxy");
        // No address a web replica is given leads around the proxies.
        assertThat(web.env().entrySet()).filteredOn(e -> e.getKey().endsWith("_URL") || e.getKey().endsWith("_URLS"))
                .allSatisfy(e -> assertThat(e.getValue().split(",")).allSatisfy(u -> assertThat(u).contains("shop-proxy:")));
    }

    @Test
    void withoutSentinelTheRedisUrlLeadsThroughTheProxy() {
        var env = plan("name: demo\nproxies: true\n").container("demo-web-1").orElseThrow().env();
        assertThat(env).containsEntry("SCALER_REDIS_URL", "redis://demo-proxy:20001")
                .containsEntry("SCALER_REDIS_VIA", "demo-cache-1:6379=demo-proxy:20001");
        assertThat(plan("name: demo\nproxies: true\n").proxies()).extracting(ProxyRoute::name).containsExactly("cache-1");
    }

    @Test
    void replicationAgentAndLoadBalancerStayDirect() {
        Plan plan = plan(FULL);
        var replica = plan.container("shop-cache-2").orElseThrow().files().get(0).content();
        assertThat(replica).contains("replicaof shop-cache-1 6379");
        var agent = plan.container("shop-agent").orElseThrow().files().get(0).content();
        assertThat(agent).doesNotContain("shop-proxy");
        var sentinel = plan.container("shop-cache-sentinel-1").orElseThrow().files().get(0).content();
        assertThat(sentinel).contains("sentinel monitor shop-cache shop-cache-1 6379");
        assertThat(plan.container("shop-lb-1").orElseThrow().files().get(0).content()).doesNotContain("proxy");
    }

    @Test
    void theProxyContainerRunsToxiproxyWithItsProxiesFromAConfigFileAndItsApiOnAnEphemeralLoopbackPort() {
        Plan plan = plan(FULL);
        ContainerSpec proxy = plan.container("shop-proxy").orElseThrow();
        assertThat(proxy.tier()).isEqualTo(Tier.PROXY);
        assertThat(proxy.labels()).containsEntry(Labels.TIER, "proxy").containsEntry(Labels.PROJECT, "shop");
        assertThat(proxy.image()).isEqualTo(Images.TOXIPROXY_UPSTREAM);
        assertThat(proxy.command()).containsExactly("-host=0.0.0.0", "-port=8474", "-config=/etc/toxiproxy/proxies.json");
        assertThat(proxy.ports()).containsExactly(new PortBinding("127.0.0.1", 0, 8474));
        assertThat(proxy.healthCheck().orElseThrow().test())
                .containsExactly("CMD", "/toxiproxy-cli", "-h", "http://127.0.0.1:8474", "list");
        assertThat(proxy.dependsOn()).isEmpty();
        assertThat(proxy.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("/etc/toxiproxy/proxies.json");
            assertThat(f.mode()).isEqualTo(0644);
            assertThat(f.content()).contains(
                    "{\"name\": \"cache-1\", \"listen\": \"0.0.0.0:20001\", \"upstream\": \"shop-cache-1:6379\", \"enabled\": true},")
                    .contains("{\"name\": \"shard-2-2\", \"listen\": \"0.0.0.0:20302\", \"upstream\": \"shop-shard-2-2:3306\", \"enabled\": true}\n]");
        });
        // Before the web replicas, which start after it.
        var names = plan.containers().stream().map(ContainerSpec::name).toList();
        assertThat(names.indexOf("shop-proxy")).isLessThan(names.indexOf("shop-web-1"));
        assertThat(Planner.plan(Topologies.of(FULL).withImages(ImageProfile.OFFLINE)).container("shop-proxy")
                .orElseThrow().image()).isEqualTo("scaler/toxiproxy:offline");
    }

    @Test
    void theConfigIsAJsonArrayOfEveryRoute() throws Exception {
        String json = ProxyTier.config(plan(FULL).proxies());
        var parsed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(parsed.isArray()).isTrue();
        assertThat(parsed.size()).isEqualTo(12);
        assertThat(parsed.get(2).get("upstream").asText()).isEqualTo("shop-db-router:3306");
        assertThat(ProxyTier.config(List.of())).isEqualTo("[\n]\n");
    }

    @Test
    void viaLeavesUpstreamsWithoutARouteAlone() {
        var via = Via.proxies("p-proxy", List.of(new ProxyRoute("cache-1", 20001, "p-cache-1", 6379)));
        assertThat(via.address("p-cache-1", 6379)).isEqualTo("p-proxy:20001");
        assertThat(via.address("p-cache-10", 6379)).isEqualTo("p-cache-10:6379");
        assertThat(via.table(List.of("p-cache-1:6379", "p-cache-2:6379"))).contains("p-cache-1:6379=p-proxy:20001");
        assertThat(Via.direct().address("p-cache-1", 6379)).isEqualTo("p-cache-1:6379");
        assertThat(Via.direct().table(List.of("p-cache-1:6379"))).isEmpty();
    }
}
