package dev.scaler.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes export checked against the Kubernetes schemas: tools/k8s-validate runs the validators of the npm
 * package kubernetes-models (the API's OpenAPI schemas compiled with ajv) on every document. `.ci/run` installs it.
 */
class KubernetesSchemaTest {
    @TempDir
    Path dir;

    record Verdict(int code, String out) {
    }

    /** `./mvnw verify` alone must work on a machine with npm: install the pinned validator once, as .ci/run does. */
    private static synchronized void install(Path tool) throws IOException, InterruptedException {
        if (Files.isDirectory(tool.resolve("node_modules/kubernetes-models"))) {
            return;
        }
        String cache = System.getenv().getOrDefault("SCALER_CACHE", "/var/cache/scaler") + "/npm";
        var npm = new ProcessBuilder("npm", "ci", "--cache", cache, "--prefer-offline", "--no-audit", "--no-fund",
                "--loglevel=error").directory(tool.toFile()).redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes());
        assertThat(npm.waitFor(10, TimeUnit.MINUTES) && npm.exitValue() == 0)
                .as("`npm ci` in tools/k8s-validate failed (needs Node.js and npm; .ci/run installs them):%n%s", out)
                .isTrue();
    }

    private static Verdict validate(Path file) throws IOException, InterruptedException {
        Path tool = Exports.repositoryRoot().resolve("tools/k8s-validate");
        install(tool);
        var command = new ArrayList<>(List.of("node", tool.resolve("validate.mjs").toString(), file.toString()));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Verdict(process.exitValue(), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-tier", "starter", "services"})
    void theExportOfEveryShippedTopologyIsValid(String topology) throws Exception {
        var plan = Exports.plan(topology);
        var manifests = KubernetesManifests.render(plan, Exports.secrets(plan));
        Path file = dir.resolve(manifests.path());
        Files.writeString(file, manifests.content());
        var verdict = validate(file);
        assertThat(verdict.code()).as(verdict.out()).isZero();
        long documents = Exports.readAll(manifests.content()).size();
        assertThat(verdict.out().lines().filter(l -> l.startsWith("valid ")).count()).as(verdict.out()).isEqualTo(documents);
    }

    @Test
    void aBrokenManifestFails() throws Exception {
        var plan = Exports.plan("web-tier");
        String good = KubernetesManifests.render(plan, Exports.secrets(plan)).content();
        // Two mistakes the schema knows: a count written as words, and a container without its required name.
        String broken = good.replaceFirst("replicas: 3", "replicas: three").replaceFirst("- name: web\n", "- \n");
        assertThat(broken).isNotEqualTo(good);
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, broken);
        var verdict = validate(file);
        assertThat(verdict.code()).as(verdict.out()).isEqualTo(1);
        assertThat(verdict.out()).contains("INVALID").contains("Deployment/web-tier-web")
                .contains("replicas must be integer").contains("containers/0 must have required property name");
    }
}
