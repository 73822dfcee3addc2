package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.files.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlannerTest {

    @ParameterizedTest
    @ValueSource(strings = {"starter", "web-tier", "cdn", "multi-dc", "services"})
    void noContainerOfAShippedTopologyHasAPasswordInItsEnvironmentOnlyInAFile(String name) throws Exception {
        Plan plan = Planner.plan(InputFile.topology(
                dev.scaler.Repository.root().resolve("topologies/" + name + ".yaml")).withImages(dev.scaler.topology.ImageProfile.UPSTREAM));
        var secretFiles = new java.util.ArrayList<String>();
        for (ContainerSpec c : plan.containers()) {
            assertThat(c.env().values()).as(c.name()).noneMatch(v -> v.contains("${secret:"));
            c.env().forEach((k, v) -> {
                if (k.endsWith("_FILE") && v.startsWith(SecretFiles.DIR + "/")) {
                    assertThat(c.files()).as(c.name()).contains(new ContainerFile(v,
                            "${secret:" + v.substring(SecretFiles.DIR.length() + 1) + "}", 0444));
                    secretFiles.add(c.name() + " " + k);
                }
            });
        }
        assertThat(secretFiles).as("the passwords the containers are given").isNotEmpty()
                .allMatch(s -> s.matches(".* (SCALER_REDIS_PASSWORD|SCALER_DB_PASSWORD|MYSQL_ROOT_PASSWORD"
                        + "|MYSQL_PASSWORD|REDISCLI_AUTH|MINIO_ROOT_PASSWORD|SCALER_QUEUE_PASSWORD|RABBITMQ_DEFAULT_PASS"
                        + "|RABBITMQ_ERLANG_COOKIE)_FILE"));
    }

    @Test
    void smallestTopologyGivesLoadBalancerTwoWebReplicasAndSessionCache() {
        Plan plan = Planner.plan(Topologies.of("name: demo"));
        assertThat(plan.containers()).extracting(ContainerSpec::name)
                .containsExactly("demo-cache-1", "demo-web-1", "demo-web-2", "demo-lb-1");
        assertThat(plan.networks()).extracting(NetworkSpec::name).containsExactly("demo-net");
        assertThat(plan.volumes()).extracting(VolumeSpec::name).containsExactly("demo-cache-1-data");
    }

    @Test
    void loadBalancerIsPublishedOnLoopbackOnlyAndStartsOnceTheReplicasServe() {
        Plan plan = Planner.plan(Topologies.of("name: demo\nweb: { replicas: 3 }\n"));
        ContainerSpec lb = plan.container("demo-lb-1").orElseThrow();
        assertThat(lb.ports()).containsExactly(new PortBinding("127.0.0.1", 8080, HaproxyConfig.PORT));
        assertThat(lb.dependsOn()).as("its health check goes through to a replica")
                .containsExactly("demo-web-1", "demo-web-2", "demo-web-3");
        assertThat(lb.files()).extracting(ContainerFile::path).containsExactly(HaproxyConfig.PATH);
        assertThat(lb.tier()).isEqualTo(Tier.LB);
    }

    @Test
    void secondLoadBalancerPublishesTheNextPort() {
        Plan plan = Planner.plan(Topologies.of("name: demo\nloadBalancer: { port: 9000, replicas: 2 }\n"));
        assertThat(plan.container("demo-lb-2").orElseThrow().ports())
                .containsExactly(new PortBinding("127.0.0.1", 9001, HaproxyConfig.PORT));
    }

    @Test
    void webReplicasFollowTheEnvContractWithoutEverHoldingTheSecret() {
        Plan plan = Planner.plan(Topologies.of("name: shop\nweb: { env: { FEATURE_X: 'on' } }\n"));
        ContainerSpec web = plan.container("shop-web-2").orElseThrow();
        assertThat(web.env())
                .containsEntry("SCALER_REDIS_URL", "redis://shop-cache-1:6379")
                .containsEntry("SCALER_REDIS_PASSWORD_FILE", "/run/secrets/redis.password")
                .doesNotContainKey("SCALER_REDIS_PASSWORD")
                .containsEntry("SCALER_INSTANCE", "shop-web-2")
                .containsEntry("SCALER_DATACENTER", "dc1")
                .containsEntry("FEATURE_X", "on");
        assertThat(web.files()).containsExactly(
                new ContainerFile("/run/secrets/redis.password", "${secret:redis.password}", 0444));
        assertThat(web.aliases()).containsExactly(Planner.WEB_ALIAS);
        assertThat(web.dependsOn()).as("the app connects to Redis lazily").isEmpty();
        assertThat(web.labels()).containsEntry(Labels.PROJECT, "shop").containsEntry(Labels.TIER, "web")
                .containsEntry(Labels.INDEX, "2");
        var cache = plan.container("shop-cache-1").orElseThrow();
        assertThat(cache.files().get(0).content()).contains("requirepass ${secret:redis.password}")
                .contains("maxmemory 64mb").contains("maxmemory-policy allkeys-lru");
    }

    @Test
    void imageProfileChoosesImages() {
        var topology = Topologies.of("name: demo");
        Plan upstream = Planner.plan(topology);
        Plan offline = Planner.plan(topology.withImages(dev.scaler.topology.ImageProfile.OFFLINE));
        assertThat(upstream.images()).containsExactly("redis:7.4.6", "scaler/webapp:upstream", "haproxy:3.2.4");
        assertThat(offline.images())
                .containsExactly("scaler/redis:offline", "scaler/webapp:offline", "scaler/haproxy:offline");
    }

    @Test
    void bundledWebAppIsHealthCheckedButAUsersImageIsReadyWhenItRuns() {
        Plan bundled = Planner.plan(Topologies.of("name: demo"));
        assertThat(bundled.container("demo-web-1").orElseThrow().healthCheck())
                .contains(HealthCheck.http(Planner.WEB_PORT, "/readyz"));
        Plan own = Planner.plan(Topologies.of("name: demo\nweb: { image: 'example/shop:1.2' }\n"));
        ContainerSpec web = own.container("demo-web-1").orElseThrow();
        assertThat(web.image()).isEqualTo("example/shop:1.2");
        assertThat(web.healthCheck()).isEmpty();
    }

    @Test
    void tiersThisVersionCannotProvisionAreNamed() {
        var t = Topologies.of("name: demo\nproxies: true\ndatacenters: [ { name: a }, { name: b } ]\n");
        assertThat(Planner.unsupported(t)).isEmpty();
        var mysqlOffline = Topologies.of("name: demo\nimages: offline\ndatabase: { kind: mysql, replicas: 1 }\n");
        assertThat(Planner.unsupported(mysqlOffline)).singleElement().asString().contains("use kind: mariadb");
        assertThat(Planner.unsupported(Topologies.of("name: demo"))).isEmpty();
    }

    @Test
    void cacheReplicasFollowThePrimaryAndSentinelsWatchIt() {
        Plan plan = Planner.plan(Topologies.of("name: shop\ncache: { replicas: 1, sentinels: 3 }\n"));
        assertThat(plan.containers()).extracting(ContainerSpec::name).startsWith("shop-cache-1", "shop-cache-2",
                "shop-cache-sentinel-1", "shop-cache-sentinel-2", "shop-cache-sentinel-3");
        assertThat(plan.volumes()).extracting(VolumeSpec::name)
                .containsExactly("shop-cache-1-data", "shop-cache-2-data");
        String replica = plan.container("shop-cache-2").orElseThrow().files().get(0).content();
        assertThat(replica).contains("replicaof shop-cache-1 6379").contains("masterauth ${secret:redis.password}");
        assertThat(plan.container("shop-cache-1").orElseThrow().files().get(0).content()).doesNotContain("replicaof");
        var sentinel = plan.container("shop-cache-sentinel-2").orElseThrow();
        assertThat(sentinel.files().get(0).content()).contains("sentinel monitor shop-cache shop-cache-1 6379 2")
                .contains("sentinel auth-pass shop-cache ${secret:redis.password}");
        assertThat(sentinel.dependsOn()).containsExactly("shop-cache-1");
        assertThat(sentinel.role()).isEqualTo("sentinel");
        assertThat(plan.container("shop-web-1").orElseThrow().env())
                .containsEntry("SCALER_REDIS_SENTINELS",
                        "shop-cache-sentinel-1:26379,shop-cache-sentinel-2:26379,shop-cache-sentinel-3:26379")
                .containsEntry("SCALER_REDIS_MASTER", "shop-cache");
    }

    @Test
    void quorumIsAMajorityOfSentinels() {
        Plan plan = Planner.plan(Topologies.of("name: shop\ncache: { replicas: 2, sentinels: 5 }\n"));
        assertThat(plan.container("shop-cache-sentinel-1").orElseThrow().files().get(0).content())
                .contains("sentinel monitor shop-cache shop-cache-1 6379 3");
    }
}
