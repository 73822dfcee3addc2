package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatacentersTest {
    private static final String TWO = """
            name: shop
            loadBalancer: { port: 9000 }
            web: { replicas: 2 }
            cache: { replicas: 0, sentinels: 0 }
            database: { kind: mariadb, replicas: 2, readsFrom: replicas }
            datacenters:
              - name: us-east
              - name: eu-west
                latency: 80ms
            """;

    private static final Plan PLAN = Planner.plan(Topologies.of(TWO));

    private static ContainerSpec c(String name) {
        return PLAN.container(name).orElseThrow(() -> new AssertionError("no container " + name));
    }

    @Test
    void everyContainerIsLabelledWithItsDatacenterAndTheProjectAndSitsOnThatNetwork() {
        assertThat(PLAN.networks()).extracting(NetworkSpec::name).containsExactly("shop-us-east-net",
                "shop-eu-west-net");
        for (ContainerSpec spec : PLAN.containers()) {
            assertThat(spec.labels()).containsEntry(Labels.PROJECT, "shop").containsKey(Labels.DATACENTER);
            String dc = spec.labels().get(Labels.DATACENTER);
            if (!dc.equals(Datacenters.GLOBAL)) {
                assertThat(spec.network()).as(spec.name()).isEqualTo("shop-" + dc + "-net");
                assertThat(spec.otherNetworks()).as(spec.name()).isEmpty();
            }
        }
        assertThat(PLAN.volumes()).allSatisfy(v -> assertThat(v.labels()).containsEntry(Labels.PROJECT, "shop"));
        assertThat(c("shop-us-east-web-1").env()).containsEntry("SCALER_DATACENTER", "us-east");
        assertThat(c("shop-eu-west-web-2").env()).containsEntry("SCALER_DATACENTER", "eu-west");
        assertThat(c("shop-eu-west-cache-1").labels()).containsEntry(Labels.DATACENTER, "eu-west");
    }

    @Test
    void onlyTheProxyAndTheGlobalLoadBalancerJoinSeveralDatacenters() {
        var spanning = PLAN.containers().stream().filter(s -> !s.otherNetworks().isEmpty())
                .map(ContainerSpec::name).toList();
        assertThat(spanning).containsExactlyInAnyOrder("shop-proxy", "shop-global-lb");
        assertThat(c("shop-proxy").otherNetworks()).containsOnlyKeys("shop-eu-west-net");
        assertThat(c("shop-global-lb").otherNetworks()).containsOnlyKeys("shop-eu-west-net");
    }

    @Test
    void thePrimaryLivesInTheFirstDatacenterAndReplicasInTheOthersFirst() {
        assertThat(c("shop-db-1").labels()).containsEntry(Labels.DATACENTER, "us-east");
        assertThat(c("shop-db-2").labels()).containsEntry(Labels.DATACENTER, "eu-west");
        assertThat(c("shop-db-3").labels()).containsEntry(Labels.DATACENTER, "us-east");
        assertThat(c("shop-db-router").labels()).containsEntry(Labels.DATACENTER, "us-east");
        assertThat(c("shop-agent").labels()).containsEntry(Labels.DATACENTER, "us-east");
    }

    @Test
    void aRemoteNodeIsReachedByItsOwnNameThroughALinkWithTheLargerLatency() {
        ContainerSpec link = c("shop-eu-west-link-db-1");
        assertThat(link.network()).isEqualTo("shop-eu-west-net");
        assertThat(link.aliases()).containsExactly("shop-db-1");
        assertThat(link.labels()).containsEntry(Labels.TIER, "proxy").containsEntry(Labels.ROLE, "link");
        ProxyRoute route = PLAN.proxies().stream().filter(r -> r.name().equals("link.eu-west.us-east.db-1"))
                .findFirst().orElseThrow();
        assertThat(route.upstream()).isEqualTo("shop-db-1-in-us-east:3306");
        assertThat(route.latency()).isEqualTo(Duration.ofMillis(80));
        assertThat(link.files().get(0).content()).contains("bind :3306")
                .contains("server proxy shop-proxy:" + route.listenPort());
        assertThat(c("shop-db-1").aliases()).containsExactly("shop-db-1-in-us-east");
        // The router's every route crosses, one proxy per port.
        assertThat(PLAN.proxies()).extracting(ProxyRoute::name).containsExactlyInAnyOrder(
                "link.us-east.eu-west.db-2", "link.eu-west.us-east.db-1", "link.eu-west.us-east.db-3",
                "link.eu-west.us-east.db-router-3306");
        assertThat(PLAN.proxies()).extracting(ProxyRoute::listenPort).doesNotHaveDuplicates()
                .allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(Datacenters.FIRST_LINK_PORT));
        // The agent works from the first datacenter, through its links.
        assertThat(c("shop-agent").dependsOn()).contains("shop-us-east-link-db-2");
    }

    @Test
    void webReplicasReadFromTheirOwnDatacentersReplicasAndWriteToTheRouterByName() {
        Map<String, String> east = c("shop-us-east-web-1").env();
        Map<String, String> west = c("shop-eu-west-web-1").env();
        assertThat(east).containsEntry("SCALER_DB_REPLICA_URLS", "jdbc:mariadb://shop-db-3:3306/scaler")
                .containsEntry("SCALER_REDIS_URL", "redis://shop-us-east-cache-1:6379");
        assertThat(west).containsEntry("SCALER_DB_REPLICA_URLS", "jdbc:mariadb://shop-db-2:3306/scaler")
                .containsEntry("SCALER_REDIS_URL", "redis://shop-eu-west-cache-1:6379")
                .containsEntry("SCALER_DB_PRIMARY_URL", "jdbc:mariadb://shop-db-router:3306/scaler");
    }

    @Test
    void theFirstDatacenterWithoutALocalReplicaReadsFromItsLocalPrimary() {
        Plan one = Planner.plan(Topologies.of(TWO.replace("replicas: 2, readsFrom", "replicas: 1, readsFrom")));
        assertThat(one.container("shop-us-east-web-1").orElseThrow().env())
                .containsEntry("SCALER_DB_READS_FROM", "primary");
        assertThat(one.container("shop-eu-west-web-1").orElseThrow().env())
                .containsEntry("SCALER_DB_READS_FROM", "replicas")
                .containsEntry("SCALER_DB_REPLICA_URLS", "jdbc:mariadb://shop-db-2:3306/scaler");
    }

    @Test
    void usersEnterThroughTheGlobalLoadBalancerOnePortPerDatacenter() {
        ContainerSpec global = c("shop-global-lb");
        assertThat(global.ports()).containsExactly(new PortBinding("127.0.0.1", 9000, 8080),
                new PortBinding("127.0.0.1", 9001, 8081));
        assertThat(c("shop-us-east-lb-1").ports()).isEmpty();
        assertThat(c("shop-eu-west-lb-1").ports()).isEmpty();
        String config = global.files().get(0).content();
        assertThat(config).contains("server lb-1 shop-eu-west-lb-1:8080")
                .contains("server primary shop-db-router-in-us-east:3306")
                .contains("server primary shop-eu-west-link-db-router:3306");
    }

    @Test
    void withoutADatabaseThereAreNoLinksAndNoProxy() {
        Plan plan = Planner.plan(Topologies.of("name: web\ndatacenters: [ { name: a }, { name: b } ]\n"));
        assertThat(plan.proxies()).isEmpty();
        assertThat(plan.containers()).extracting(ContainerSpec::name).containsExactlyInAnyOrder("web-a-cache-1",
                "web-a-web-1", "web-a-web-2", "web-a-lb-1", "web-b-cache-1", "web-b-web-1", "web-b-web-2",
                "web-b-lb-1", "web-global-lb");
    }

    @Test
    void oneDatacenterIsPlannedExactlyAsBefore() {
        Plan plan = Planner.plan(Topologies.of("name: demo\ndatacenters: [ { name: a } ]\n"));
        assertThat(plan.networks()).extracting(NetworkSpec::name).containsExactly("demo-net");
        assertThat(plan.containers()).allSatisfy(s -> assertThat(s.labels()).doesNotContainKey(Labels.DATACENTER));
        assertThat(plan.container("demo-lb-1").orElseThrow().ports()).hasSize(1);
    }

    @Test
    void shardsCrossLikeTheDatabase() {
        Plan plan = Planner.plan(Topologies.of(TWO + "shards: { count: 1, replicas: 1 }\n"));
        assertThat(plan.container("shop-shard-1-2").orElseThrow().labels())
                .containsEntry(Labels.DATACENTER, "eu-west");
        assertThat(plan.proxies()).extracting(ProxyRoute::name).contains("link.eu-west.us-east.shard-1-1",
                "link.eu-west.us-east.db-router-3311");
        assertThat(List.of(plan.container("shop-eu-west-link-db-router").orElseThrow().files().get(0).content()))
                .singleElement().asString().contains("bind :3306").contains("bind :3311");
    }
}
