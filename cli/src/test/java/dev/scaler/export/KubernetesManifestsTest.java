package dev.scaler.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaler.plan.Plan;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KubernetesManifestsTest {
    private final Plan plan = Exports.plan("web-tier");
    private final ExportFile file = KubernetesManifests.render(plan, Exports.secrets(plan));
    private final List<JsonNode> docs = Exports.readAll(file.content());

    private JsonNode doc(String kind, String name) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)
                && d.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static JsonNode container(JsonNode workload) {
        return workload.path("spec").path("template").path("spec").path("containers").get(0);
    }

    @Test
    void webReplicasAreOneDeploymentAndTheCacheAStatefulSetWithItsVolume() {
        var web = doc("Deployment", "web-tier-web");
        assertThat(web.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(container(web).path("image").asText()).isEqualTo("scaler/webapp:offline");
        var cache = doc("StatefulSet", "web-tier-cache-1");
        assertThat(cache.path("spec").path("serviceName").asText()).isEqualTo("web-tier-cache-1");
        assertThat(cache.path("spec").path("volumeClaimTemplates").get(0).path("metadata").path("name").asText())
                .isEqualTo("web-tier-cache-1-data");
        assertThat(docs).allSatisfy(d -> {
            if (!d.path("kind").asText().equals("Namespace")) {
                assertThat(d.path("metadata").path("namespace").asText()).isEqualTo("web-tier");
            }
        });
    }

    @Test
    void everyNameTheContainersUseHasAHeadlessService() {
        for (String name : List.of("web-tier-cache-1", "web", "cache")) {
            assertThat(doc("Service", name).path("spec").path("clusterIP").asText()).isEqualTo("None");
        }
        var web = doc("Service", "web");
        assertThat(web.path("spec").path("selector").path(KubernetesManifests.ALIAS_LABEL + "web").asText()).isEqualTo("true");
        assertThat(doc("Deployment", "web-tier-web").path("spec").path("template").path("metadata").path("labels")
                .path(KubernetesManifests.ALIAS_LABEL + "web").asText()).isEqualTo("true");
        var lb = doc("Service", "web-tier-lb-public");
        assertThat(lb.path("spec").path("type").asText()).isEqualTo("LoadBalancer");
        assertThat(lb.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(8080);
    }

    @Test
    void theHaproxyConfigIsAConfigMapThatAsksTheClusterDnsForQualifiedNames() {
        String cfg = doc("ConfigMap", "web-tier-lb-files").path("data").path("haproxy.cfg").asText();
        assertThat(cfg).contains("parse-resolv-conf").doesNotContain("127.0.0.11")
                .contains("server-template web 64 web.web-tier.svc.cluster.local:8080");
        var mount = container(doc("Deployment", "web-tier-lb")).path("volumeMounts").get(0);
        assertThat(mount.path("mountPath").asText()).isEqualTo("/usr/local/etc/haproxy/haproxy.cfg");
        assertThat(mount.path("subPath").asText()).isEqualTo("haproxy.cfg");
    }

    @Test
    void passwordsComeFromSecretsAndNoPlaceholderIsLeft() {
        assertThat(doc("Secret", "web-tier-secrets").path("stringData").path("redis.password").asText())
                .isEqualTo("s3cret-redis-password");
        assertThat(doc("Secret", "web-tier-cache-1-files").path("stringData").path("redis.conf").asText())
                .contains("requirepass s3cret-redis-password");
        var env = container(doc("Deployment", "web-tier-web")).path("env");
        assertThat(find(env, "SCALER_REDIS_PASSWORD_FILE").path("value").asText()).isEqualTo("/run/secrets/redis.password");
        assertThat(find(env, "SCALER_INSTANCE").path("valueFrom").path("fieldRef").path("fieldPath").asText())
                .isEqualTo("metadata.name");
        assertThat(file.content()).doesNotContain("${secret:");
        assertThat(file.mode()).isEqualTo(0600);
    }

    private static JsonNode find(JsonNode env, String name) {
        for (JsonNode e : env) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no env " + name);
    }

    @Test
    void clusterDnsQualifiesOnlyTheNamesOfServices() {
        String config = """
                resolvers docker
                    nameserver dns 127.0.0.11:53
                backend primary
                    server primary db-1:3306
                    server outside example.org:80
                """;
        String adapted = ClusterDns.adapt(config, "shop", Set.of("db-1"));
        assertThat(adapted).contains("    parse-resolv-conf\n").contains("server primary db-1.shop.svc.cluster.local:3306")
                .contains("server outside example.org:80");
    }

    @Test
    void workersAreOneDeploymentAndEachQueueNodeAStatefulSetWithItsVolume() {
        Plan services = Exports.plan("services");
        List<JsonNode> all = Exports.readAll(KubernetesManifests.render(services, Exports.secrets(services)).content());
        var workers = all.stream().filter(d -> d.path("kind").asText().equals("Deployment")
                && d.path("metadata").path("name").asText().equals("services-workers")).findFirst().orElseThrow();
        assertThat(workers.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(container(workers).path("args").toString() + container(workers).path("command"))
                .contains("worker");
        for (int n = 1; n <= 3; n++) {
            String node = "services-queue-" + n;
            var set = all.stream().filter(d -> d.path("kind").asText().equals("StatefulSet")
                    && d.path("metadata").path("name").asText().equals(node)).findFirst().orElseThrow();
            assertThat(set.path("spec").path("volumeClaimTemplates").get(0).path("metadata").path("name").asText())
                    .isEqualTo(node + "-data");
        }
        assertThat(all.toString()).doesNotContain("${secret:");
    }
}
