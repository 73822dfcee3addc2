package dev.scaler.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaler.files.InputFile;
import dev.scaler.plan.Labels;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.plan.Tier;
import dev.scaler.topology.ImageProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServicesTest {
    private static final List<SwarmNode> THREE = List.of(node("n1"), node("n2"), node("n3"));

    private static SwarmNode node(String name) {
        return new SwarmNode(name, Optional.empty());
    }

    private static Plan plan(String topology) throws Exception {
        return Planner.plan(InputFile.topology(dev.scaler.Repository.root().resolve("topologies/" + topology + ".yaml"))
                .withImages(ImageProfile.OFFLINE));
    }

    private static Service service(Deployment d, String name) {
        return d.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theWebReplicasAreOneReplicatedServiceThatStartsItsNewTasksFirst() throws Exception {
        Deployment d = Services.of(plan("web-tier"), THREE);
        assertThat(d.services()).extracting(Service::name)
                .containsExactly("web-tier-cache-1", "web-tier-web", "web-tier-lb");
        Service web = service(d, "web-tier-web");
        assertThat(web.replicas()).isEqualTo(3);
        assertThat(web.order()).isEqualTo(UpdateOrder.START_FIRST);
        assertThat(web.constraints()).isEmpty();
        assertThat(web.env()).containsEntry("SCALER_INSTANCE", "{{.Service.Name}}-{{.Task.Slot}}");
        assertThat(web.hostname()).isEqualTo("{{.Service.Name}}-{{.Task.Slot}}");
        assertThat(web.networks()).isEqualTo(Map.of("web-tier-net", List.of("web")));
        assertThat(web.healthCheck()).isPresent();
        assertThat(web.containerLabels()).containsEntry(Labels.PROJECT, "web-tier").containsEntry(Labels.TIER, "web")
                .doesNotContainKey(Labels.INDEX);
    }

    @Test
    void theLoadBalancerPublishesItsPortInHostModeOneTaskPerNode() throws Exception {
        Service lb = service(Services.of(plan("starter"), THREE), "starter-lb");
        assertThat(lb.replicas()).isEqualTo(2);
        assertThat(lb.ports()).containsExactly(new HostPort(8080, 8080));
        assertThat(lb.maxPerNode()).isEqualTo(1);
        assertThat(lb.files()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(ServiceFile.Kind.CONFIG);
            assertThat(f.path()).isEqualTo("/usr/local/etc/haproxy/haproxy.cfg");
            assertThat(f.object()).matches("starter-lb-haproxy\\.cfg-[0-9a-f]{12}");
        });
    }

    @Test
    void eachStatefulNodeIsItsOwnServicePinnedToANodeWithItsVolumeAndStopsBeforeItsSuccessorStarts() throws Exception {
        Deployment d = Services.of(plan("starter"), THREE);
        var pinned = d.services().stream().filter(s -> s.tier() == Tier.DATABASE || s.tier() == Tier.SHARD
                || s.tier() == Tier.CACHE).filter(s -> !s.mounts().isEmpty()).toList();
        assertThat(pinned).extracting(Service::name).containsExactlyInAnyOrder("starter-db-1", "starter-db-2",
                "starter-db-3", "starter-shard-1-1", "starter-shard-1-2", "starter-shard-2-1", "starter-shard-2-2",
                "starter-cache-1", "starter-cache-2");
        assertThat(pinned).allSatisfy(s -> {
            assertThat(s.replicas()).isEqualTo(1);
            assertThat(s.order()).isEqualTo(UpdateOrder.STOP_FIRST);
            assertThat(s.constraints()).singleElement().asString().matches("node\\.hostname==n[123]");
        });
        // What keeps no data moves when its node dies: the router every query goes through.
        assertThat(service(d, "starter-db-router").constraints()).noneMatch(c -> c.startsWith("node.hostname"));
        // The Sentinels vote: one per node, so one node's death leaves two of three, a majority.
        assertThat(List.of(service(d, "starter-cache-sentinel-1"), service(d, "starter-cache-sentinel-2"),
                service(d, "starter-cache-sentinel-3"))).extracting(s -> s.constraints().get(0))
                .containsExactlyInAnyOrder("node.hostname==n1", "node.hostname==n2", "node.hostname==n3");
        Service primary = service(d, "starter-db-1");
        assertThat(primary.mounts()).isNotEmpty();
        // A primary and its two replicas land on three different nodes.
        assertThat(List.of(service(d, "starter-db-1"), service(d, "starter-db-2"), service(d, "starter-db-3")))
                .extracting(s -> s.constraints().get(0)).doesNotHaveDuplicates();
    }

    @Test
    void theDatabaseRouterRunsOnTwoNodesAndTheAgentOnThreeTheirTasksNamedBySlot() throws Exception {
        Service router = service(Services.of(plan("starter"), THREE), "starter-db-router");
        assertThat(router.replicas()).isEqualTo(2);
        assertThat(router.maxPerNode()).as("two tasks on one node would die together").isEqualTo(1);
        assertThat(router.hostname()).isEqualTo(Services.TASK_NAME);
        assertThat(router.containerLabels()).containsEntry(Labels.INDEX, "0").containsEntry(Labels.ROLE, "router");
        assertThat(Services.replicated(router.containerLabels())).isTrue();
        // One node: one task, or Swarm would leave the second pending forever.
        assertThat(service(Services.of(plan("starter"), List.of(node("n1"))), "starter-db-router").replicas())
                .isEqualTo(1);
        Service primary = service(Services.of(plan("starter"), THREE), "starter-db-1");
        assertThat(Services.replicated(primary.containerLabels())).isFalse();
        // The failover agent: one per node, told how many there are and the name they all answer to.
        Service agent = service(Services.of(plan("starter"), THREE), "starter-agent");
        assertThat(agent.replicas()).isEqualTo(3);
        assertThat(agent.maxPerNode()).isEqualTo(1);
        assertThat(agent.env()).containsEntry("SCALER_AGENTS", "3").containsEntry("SCALER_AGENT_PEERS", "starter-agent");
        assertThat(service(Services.of(plan("starter"), List.of(node("n1"), node("n2"))), "starter-agent").env())
                .containsEntry("SCALER_AGENTS", "2");
    }

    /** What the negative control of kill-node (SwarmBackendIT) relies on: every node holds a single copy. */
    @Test
    void threePinnedDataNodesLandOnThreeNodes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var file = dir.resolve("bare.yaml");
        java.nio.file.Files.writeString(file, """
                version: 1
                name: bare
                loadBalancer: { port: 8090, replicas: 2 }
                web: { replicas: 1, sessions: redis }
                cache: { replicas: 0, sentinels: 0 }
                database: { kind: mariadb, replicas: 0, failover: manual }
                shards: { count: 1, replicas: 0 }
                """);
        Deployment d = Services.of(Planner.plan(InputFile.topology(file).withImages(ImageProfile.OFFLINE)), THREE);
        var pinned = d.services().stream().filter(s -> !s.mounts().isEmpty()).toList();
        assertThat(pinned).extracting(Service::name).containsExactlyInAnyOrder("bare-cache-1", "bare-db-1",
                "bare-shard-1-1");
        assertThat(pinned).extracting(s -> s.constraints().get(0)).containsExactlyInAnyOrder("node.hostname==n1",
                "node.hostname==n2", "node.hostname==n3");
    }

    @Test
    void everyPasswordIsASwarmSecretFileSharedByName() throws Exception {
        Deployment d = Services.of(plan("starter"), THREE);
        var secrets = d.files().stream().filter(f -> f.kind() == ServiceFile.Kind.SECRET).toList();
        assertThat(secrets).extracting(ServiceFile::object).contains("starter-redis.password").doesNotHaveDuplicates();
        assertThat(secrets).allMatch(f -> f.content().contains("${secret:"));
        for (Service s : d.services()) {
            assertThat(s.env().values()).as(s.name()).noneMatch(v -> v.contains("${secret:"));
        }
        Service web = service(d, "starter-web");
        assertThat(web.env()).containsEntry("SCALER_REDIS_PASSWORD_FILE", "/run/secrets/redis.password");
        assertThat(web.files()).extracting(ServiceFile::object).contains("starter-redis.password");
    }

    @Test
    void aServiceDependsOnServicesNotOnTheContainersTheyReplace() throws Exception {
        Deployment d = Services.of(plan("starter"), THREE);
        assertThat(service(d, "starter-web").dependsOn()).containsExactly("starter-proxy");
        var names = d.services().stream().map(Service::name).toList();
        for (Service s : d.services()) {
            s.dependsOn().forEach(dep -> assertThat(names.indexOf(dep)).as(s.name() + " after " + dep)
                    .isLessThan(names.indexOf(s.name())));
        }
    }

    @Test
    void theSpecDigestChangesWithTheSpec() throws Exception {
        var three = Services.of(plan("web-tier"), THREE);
        var again = Services.of(plan("web-tier"), THREE);
        assertThat(service(again, "web-tier-web").specHash()).isEqualTo(service(three, "web-tier-web").specHash())
                .hasSize(16);
        var other = Services.of(plan("web-tier"), List.of(node("n2"), node("n1")));
        assertThat(service(other, "web-tier-cache-1").specHash())
                .as("pinned to another node").isNotEqualTo(service(three, "web-tier-cache-1").specHash());
        assertThat(service(other, "web-tier-web").specHash()).isEqualTo(service(three, "web-tier-web").specHash());
    }

    @Test
    void aMultiDatacenterPlanPlacesEachDatacentersTiersOnItsNodes() throws Exception {
        Plan plan = plan("multi-dc");
        var names = plan.containers().stream().map(c -> c.labels().get(Labels.DATACENTER))
                .filter(d -> d != null && !d.equals(Labels.GLOBAL_DATACENTER)).distinct().toList();
        assertThat(names).hasSize(2);
        var nodes = List.of(new SwarmNode("a1", Optional.of(names.get(0))), new SwarmNode("b1", Optional.of(names.get(1))));
        Deployment d = Services.of(plan, nodes);
        var dcs = d.services().stream().filter(s -> names.contains(s.containerLabels().get(Labels.DATACENTER))).toList();
        assertThat(dcs).isNotEmpty().allSatisfy(s -> assertThat(s.constraints())
                .contains("node.labels.scaler.datacenter==" + s.containerLabels().get(Labels.DATACENTER)));
        assertThat(dcs).filteredOn(s -> s.tier() == Tier.DATABASE && !s.mounts().isEmpty()).isNotEmpty().allSatisfy(s -> assertThat(s.constraints())
                .contains("node.hostname==" + (s.containerLabels().get(Labels.DATACENTER).equals(names.get(0)) ? "a1" : "b1")));
    }

    @Test
    void noNodeOrNoNodeOfADatacenterIsToldWithWhatToDo() throws Exception {
        assertThatThrownBy(() -> Services.of(plan("web-tier"), List.of())).isInstanceOf(PlacementException.class)
                .hasMessageContaining("no node");
        assertThatThrownBy(() -> Services.of(plan("multi-dc"), THREE)).isInstanceOf(PlacementException.class)
                .hasMessageContaining("scaler.datacenter=");
    }

    /**
     * The engine refuses a config or secret name over 64 characters or not of [a-zA-Z0-9-_.] (seen: a 23-character
     * project's shard file, exit 3 halfway through up), and a service name over 63.
     */
    @Test
    void everyNameFitsTheEnginesLimitsForTheLongestProjectName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String longest = "a" + "-b".repeat(15);
        for (String topology : List.of("web-tier", "starter", "services")) {
            var file = dir.resolve(topology + ".yaml");
            java.nio.file.Files.writeString(file, java.nio.file.Files.readString(
                    dev.scaler.Repository.root().resolve("topologies/" + topology + ".yaml"))
                    .replaceFirst("(?m)^name: .*$", "name: " + longest).replaceFirst("(?m)^proxies: true.*$", ""));
            Deployment d = Services.of(Planner.plan(InputFile.topology(file).withImages(ImageProfile.OFFLINE)), THREE);
            assertThat(d.files()).as(topology).isNotEmpty().allSatisfy(f -> assertThat(f.object())
                    .matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9]"));
            var contents = d.services().stream().flatMap(s -> s.files().stream()).collect(java.util.stream.Collectors
                    .groupingBy(ServiceFile::object, java.util.stream.Collectors.mapping(ServiceFile::content,
                            java.util.stream.Collectors.toSet())));
            assertThat(contents).as("a shortened name still holds one content").allSatisfy((object, held) ->
                    assertThat(held).as(object).hasSize(1));
            assertThat(d.services()).allSatisfy(s -> assertThat(s.name()).hasSizeLessThanOrEqualTo(63));
        }
    }
}
