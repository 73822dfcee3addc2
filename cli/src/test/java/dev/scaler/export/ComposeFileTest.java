package dev.scaler.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ComposeFileTest {
    private final Plan plan = Exports.plan("web-tier");
    private final Map<String, String> secrets = Exports.secrets(plan);
    private final List<ExportFile> files = ComposeFile.render(plan, secrets);
    private final JsonNode compose = Exports.read(file(ComposeFile.FILE).content());

    private ExportFile file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError(
                "no " + path + " in " + files.stream().map(ExportFile::path).toList()));
    }

    private JsonNode service(String name) {
        return compose.path("services").path(name);
    }

    @Test
    void everyContainerOfThePlanIsAServiceWithTheSameImage() {
        var images = plan.containers().stream().collect(Collectors.toMap(ContainerSpec::name, ContainerSpec::image));
        var exported = new java.util.HashMap<String, String>();
        compose.path("services").properties().forEach(e -> exported.put(e.getKey(), e.getValue().path("image").asText()));
        assertThat(exported).isEqualTo(images);
        assertThat(compose.path("version").asText()).isEqualTo(ComposeFile.VERSION);
        assertThat(compose.path("volumes").has("web-tier-cache-1-data")).isTrue();
        assertThat(service("web-tier-web-2").path("networks").path("web-tier-net").path("aliases").get(0).asText())
                .isEqualTo("web");
    }

    @Test
    void passwordsLiveInTheEnvFileAndTheEnvironmentRefersToThem() {
        assertThat(service("web-tier-web-1").path("environment").path("SCALER_REDIS_PASSWORD_FILE").asText())
                .isEqualTo("/run/secrets/redis.password");
        assertThat(file("files/web-tier-web-1/redis.password").content()).isEqualTo("s3cret-redis-password");
        assertThat(file(ComposeFile.ENV).content()).contains("SCALER_SECRET_REDIS_PASSWORD=s3cret-redis-password\n");
        assertThat(file(ComposeFile.ENV).mode()).isEqualTo(0600);
        assertThat(file(ComposeFile.FILE).content()).doesNotContain("s3cret").doesNotContain("${secret:");
    }

    @Test
    void generatedFilesAreWrittenBesideTheComposeFileFilledInAndMountedWhereScalerCopiesThem() {
        var redis = file("files/web-tier-cache-1/redis.conf");
        assertThat(redis.content()).contains("requirepass s3cret-redis-password").doesNotContain("${secret:");
        assertThat(redis.mode()).isEqualTo(0644);
        assertThat(service("web-tier-lb-1").path("volumes").get(0).asText())
                .isEqualTo("./files/web-tier-lb-1/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg");
        assertThat(file("files/web-tier-lb-1/haproxy.cfg").content())
                .isEqualTo(plan.container("web-tier-lb-1").orElseThrow().files().getFirst().content());
    }

    @Test
    void aLiteralDollarInAHealthCheckIsEscapedSoComposeDoesNotInterpolateIt() {
        String check = service("web-tier-web-1").path("healthcheck").path("test").get(3).asText();
        assertThat(check).contains("[[ $$status == *' 200'* ]]");
        var health = service("web-tier-web-1").path("healthcheck");
        assertThat(health.path("interval").asText()).isEqualTo("10s");
        assertThat(health.path("start_period").asText()).isEqualTo("30s");
    }

    @Test
    void thePublishedPortCanBeMovedWithAVariableAndTheProjectLabelIsLeftOut() {
        assertThat(service("web-tier-lb-1").path("ports").get(0).asText())
                .isEqualTo("127.0.0.1:${WEB_TIER_LB_1_PORT:-8080}:8080");
        assertThat(service("web-tier-lb-1").path("labels").has("scaler.project")).isFalse();
        assertThat(service("web-tier-lb-1").path("labels").path("scaler.tier").asText()).isEqualTo("lb");
    }

    @Test
    void startOrderWaitsForHealthWhereTheDependencyHasACheck() {
        var starter = Exports.plan("starter");
        var compose = Exports.read(ComposeFile.render(starter, Exports.secrets(starter)).getFirst().content());
        for (ContainerSpec c : starter.containers()) {
            for (String d : c.dependsOn()) {
                String expected = starter.container(d).orElseThrow().healthCheck().isPresent() ? "service_healthy"
                        : "service_started";
                assertThat(compose.path("services").path(c.name()).path("depends_on").path(d).path("condition").asText())
                        .as(c.name() + " -> " + d).isEqualTo(expected);
            }
        }
        assertThat(starter.containers().stream().anyMatch(c -> !c.dependsOn().isEmpty())).isTrue();
    }

    @Test
    void queueNodesAndWorkersAreServicesWithTheirCookieInAFileAndWorkersWaitForTheQueue() {
        Plan services = Exports.plan("services");
        var out = ComposeFile.render(services, Exports.secrets(services));
        JsonNode c = Exports.read(out.stream().filter(f -> f.path().equals(ComposeFile.FILE)).findFirst().orElseThrow()
                .content());
        for (int n = 1; n <= 3; n++) {
            var node = c.path("services").path("services-queue-" + n);
            assertThat(node.path("image").asText()).isEqualTo("scaler/rabbitmq:offline");
            assertThat(node.path("environment").path("RABBITMQ_ERLANG_COOKIE_FILE").asText())
                    .isEqualTo("/run/secrets/queue.cookie");
        }
        assertThat(out).extracting(ExportFile::path).contains("files/services-queue-1/queue.cookie");
        var worker = c.path("services").path("services-worker-3");
        assertThat(worker.path("depends_on").path("services-queue-1").path("condition").asText())
                .isEqualTo("service_healthy");
        assertThat(c.toString()).doesNotContain("${secret:");
    }
}
