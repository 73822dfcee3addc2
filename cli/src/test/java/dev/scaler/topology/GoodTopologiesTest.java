package dev.scaler.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.files.InputFile;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The files under topologies/good/ and the example topologies shipped at the repository root. */
class GoodTopologiesTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(GoodTopologiesTest.class.getResource("/topologies/" + name).toURI());
    }

    @Test
    void nameAloneIsALoadBalancerTwoWebReplicasAndTheDefaultCache() throws Exception {
        Path file = resource("good/name-only.yaml");
        Topology t = InputFile.topology(file);
        assertThat(t.name()).isEqualTo("demo");
        assertThat(t.loadBalancer().kind()).isEqualTo("haproxy");
        assertThat(t.loadBalancer().port()).isEqualTo(8080);
        assertThat(t.loadBalancer().replicas()).isEqualTo(1);
        assertThat(t.web().replicas()).isEqualTo(2);
        assertThat(t.web().bundled()).isTrue();
        assertThat(t.web().sessions()).isEqualTo(SessionStore.REDIS);
        assertThat(t.cache()).contains(Cache.defaults());
        assertThat(t.database()).isEmpty();
        assertThat(t.shards()).isEmpty();
        assertThat(t.cdn()).isEmpty();
        assertThat(t.queue()).isEmpty();
        assertThat(t.workers()).isEmpty();
        assertThat(t.source()).isEqualTo(file.toString());
    }

    @Test
    void everyFieldIsBound() throws Exception {
        Path file = resource("good/full.yaml");
        Topology t = InputFile.topology(file);
        assertThat(t).isEqualTo(new Topology(
                1,
                "shop",
                ImageProfile.OFFLINE,
                new LoadBalancer("haproxy", 9090, "0.0.0.0", Algorithm.LEASTCONN,
                        new HealthCheck("/ready", Duration.ofMillis(500), 3, 2), 2),
                new Web("registry.example.com/shop/web:1.2", 3, SessionStore.DATABASE,
                        Map.of("FEATURE_FLAGS", "checkout,search", "WORKERS", "4")),
                Optional.of(new Cache("redis", 1, 3, "128mb", "allkeys-lfu")),
                Optional.of(new Database(DatabaseKind.MARIADB, 2, Replication.SEMI_SYNC, FailoverMode.MANUAL,
                        ReadsFrom.PRIMARY)),
                Optional.of(new Shards(4, 2, "tenant_id", ShardStrategy.RANGE)),
                Optional.of(new Cdn("minio", "shop-assets", Optional.of(new Cdn.Assets(resource("static").toString(),
                        new dev.scaler.yaml.Location(45, 11))),
                        new Edge(false, Duration.ofMinutes(5)))),
                Optional.of(new Queue(5)),
                Optional.of(new Workers(4, "registry.example.com/shop/worker:1.2", 20, 8)),
                true,
                java.util.List.of(new Datacenter("us-east", Duration.ofMillis(30)),
                        new Datacenter("eu-west", Duration.ofMillis(80))),
                file.toString()));
        assertThat(Shards.kind(t.database())).isEqualTo(DatabaseKind.MARIADB);
    }

    @Test
    void theWebTierExampleLoads() throws Exception {
        Path file = repositoryRoot().resolve("topologies/web-tier.yaml");
        Topology t = InputFile.topology(file);
        assertThat(t.name()).isEqualTo("web-tier");
        assertThat(t.loadBalancer().port()).isEqualTo(8080);
        assertThat(t.web().replicas()).isEqualTo(3);
        assertThat(t.web().sessions()).isEqualTo(SessionStore.REDIS);
        assertThat(t.cache()).contains(new Cache("redis", 0, 0, "64mb", "allkeys-lru"));
        assertThat(t.database()).isEmpty();
        assertThat(t.datacenters()).extracting(Datacenter::name).containsExactly("dc1");
    }

    @Test
    void workersDefaultToTwoReferenceWorkersAndAQueueToOneClassicNode() throws Exception {
        Topology t = TopologyLoader.parse("name: jobs\nqueue: {}\nworkers: {}\n", "jobs.yaml");
        assertThat(t.queue()).contains(new Queue(1));
        assertThat(t.queue().orElseThrow().quorum()).isFalse();
        assertThat(t.workers()).contains(new Workers(2, Workers.REFERENCE, 10, 4));
        assertThat(t.workers().orElseThrow().reference()).isTrue();
        assertThat(new Queue(3).quorum()).isTrue();
    }

    /** The directory holding topologies/, found upwards from the working directory (cli/ under Maven). */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("topologies/web-tier.yaml"))) {
                return dir;
            }
        }
        throw new AssertionError("no topologies/web-tier.yaml above " + Path.of("").toAbsolutePath());
    }
}
