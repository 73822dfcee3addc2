package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.plan.ObservedContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `scaler deploy`, its automatic rollback and `scaler rollback` on a running web tier of 3 replicas, under a steady
 * stream of GETs and POSTs: no request may fail in any of them.
 */
class DeployIT extends ProjectIT {
    private static final String BROKEN = "scaler/webapp-never-ready:it";

    @Override
    String project() {
        return "it-deploy";
    }

    private Path version(String name, String web) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "name: it-deploy\nimages: offline\nloadBalancer: { port: " + port + " }\n"
                + "cache: {}\nweb:\n  replicas: 3\n" + web);
        return file;
    }

    private List<String> webIds() {
        return docker.containers("it-deploy").stream().filter(c -> c.tier().equals("web"))
                .map(ObservedContainer::id).sorted().toList();
    }

    private List<String> webNames() {
        return docker.containers("it-deploy").stream().filter(c -> c.tier().equals("web"))
                .map(ObservedContainer::name).sorted().toList();
    }

    @Test
    void rollsOverUnderLoadRollsBackAReplicaThatNeverGetsReadyAndBackOnRequest() throws Exception {
        // Tables that wait for a database that is not there: /readyz says 503 for ever, /healthz says 200.
        docker.image(BROKEN, "scaler/webapp:offline", "ENV SCALER_DB_PRIMARY_URL=jdbc:mariadb://127.0.0.1:9/none"
                + " SCALER_DB_USER=nobody");
        try {
            var up = Scaler.run("up", version("v1", "  env: { RELEASE: '1' }\n").toString());
            assertThat(up.code()).as(up.transcript()).isZero();
            var v1 = webIds();
            var names = webNames();

            Traffic traffic = new Traffic(port, 4);
            try (traffic) {
                var deploy = Scaler.run("deploy", version("v2", "  env: { RELEASE: '2' }\n").toString());
                assertThat(deploy.code()).as(deploy.transcript()).isZero();
                assertThat(deploy.out()).contains("it-deploy: 3 web replica(s) replaced");
                var v2 = webIds();
                assertThat(v2).doesNotContainAnyElementsOf(v1);
                assertThat(webNames()).as("the replacements took the old names").isEqualTo(names);
                assertThat(docker.env("it-deploy-web-2", "RELEASE")).isEqualTo("2");

                var broken = Scaler.run("deploy", "--timeout", "15",
                        version("v3", "  image: " + BROKEN + "\n  env: { RELEASE: '3' }\n").toString());
                assertThat(broken.code()).as(broken.transcript()).isEqualTo(3);
                assertThat(broken.err()).contains("the deploy of it-deploy was rolled back: the new replica 1 did not"
                        + " become ready");
                assertThat(webIds()).as("the replicas of v2 never left").isEqualTo(v2);
                assertThat(webNames()).isEqualTo(names);

                var back = Scaler.run("rollback", "it-deploy");
                assertThat(back.code()).as(back.transcript()).isZero();
                assertThat(docker.env("it-deploy-web-3", "RELEASE")).isEqualTo("1");
                assertThat(webNames()).isEqualTo(names);
            }
            assertThat(traffic.sent()).as("requests sent during the deploys").isGreaterThan(200);
            assertThat(traffic.failures()).as("failed of %d requests", traffic.sent()).isEmpty();
        } finally {
            docker.clear("it-deploy");
            docker.removeImage(BROKEN);
        }
    }
}
