package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that need no Docker engine: exit codes and output. */
class CliTest {
    @TempDir
    Path dir;

    @Test
    void badTopologyGivesEveryProblemWithFileLineColumnAndExit2() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: Shop\nweb:\n  replica: 3\n");
        var r = Scaler.run("plan", file.toString());
        assertThat(r.code()).as(r.transcript()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).as(r.transcript()).contains(file + ":1:7:").contains(file + ":3:3:")
                .contains("did you mean 'replicas'").contains("2 problems; nothing was created.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void upWithBadTopologyFailsBeforeAskingDocker() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: demo\nloadBalancer: { port: 80 }\n");
        var r = Scaler.run("up", file.toString());
        assertThat(r.code()).as(r.transcript()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains(file + ":2:23:");
    }

    @Test
    void planPrintsContainersWithoutSecrets() throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "name: demo\nweb: { replicas: 3 }\n");
        var r = Scaler.run("plan", "--images", "offline", file.toString());
        assertThat(r.code()).as(r.transcript()).isZero();
        assertThat(r.out()).contains("project demo (images: offline)").contains("demo-web-3")
                .contains("127.0.0.1:8080->8080").contains("scaler/haproxy:offline");
    }

    @Test
    void planAsJsonIsMachineReadable() throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "name: demo\n");
        // A profile given: `auto` would ask the engine which images are built, and a unit test asks no engine.
        var r = Scaler.run("plan", "--format", "json", "--images", "upstream", file.toString());
        assertThat(r.code()).as(r.transcript()).isZero();
        var json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/plan/containers").size()).isEqualTo(4);
        assertThat(json.at("/plan/containers/1/env/SCALER_REDIS_PASSWORD_FILE").asText())
                .isEqualTo("/run/secrets/redis.password");
        assertThat(r.out()).contains("${secret:redis.password}");
    }

    @Test
    void planListsEveryProxyWithWhereItListensAndLeads() throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "name: demo\ndatabase: { kind: mariadb, replicas: 1 }\nproxies: true\n");
        var r = Scaler.run("plan", "--images", "offline", file.toString());
        assertThat(r.code()).as(r.transcript()).isZero();
        assertThat(r.out()).contains("demo-proxy").contains("scaler/toxiproxy:offline").contains("127.0.0.1:0->8474")
                .contains("proxies in demo-proxy (Toxiproxy");
        assertThat(r.out().lines().map(l -> l.trim().split("\\s+")).filter(cols -> cols.length == 3)
                .map(cols -> String.join(" ", cols)))
                .contains("cache-1 demo-proxy:20001 demo-cache-1:6379", "database-primary demo-proxy:20100 demo-db-router:3306",
                        "database-1 demo-proxy:20101 demo-db-1:3306", "database-2 demo-proxy:20102 demo-db-2:3306");
        assertThat(r.out()).doesNotContain("not provisioned");

        var json = new ObjectMapper().readTree(Scaler.run("plan", "--format", "json", "--images", "offline",
                file.toString()).out());
        assertThat(json.at("/plan/proxies").size()).isEqualTo(4);
        assertThat(json.at("/plan/proxies/1/name").asText()).isEqualTo("database-primary");
        assertThat(json.at("/plan/proxies/1/listenPort").asInt()).isEqualTo(20100);
        assertThat(json.at("/plan/proxies/1/upstreamHost").asText()).isEqualTo("demo-db-router");
        assertThat(json.at("/plan/proxies/1/upstreamPort").asInt()).isEqualTo(3306);
        assertThat(json.at("/notProvisioned").size()).isZero();
    }

    @Test
    void upRefusesTiersThisVersionCannotProvision() throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "name: demo\nweb: { sessions: database }\ndatabase: { kind: mariadb }\n");
        var r = Scaler.run("up", file.toString());
        assertThat(r.code()).as(r.transcript()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("cannot provision web.sessions: database");
    }

    @Test
    void unknownCommandOrOptionIsExit2() {
        assertThat(Scaler.run("uo").code()).isEqualTo(ExitCode.BAD_INPUT);
        var r = Scaler.run("plan", "--fromat", "json", "x.yaml");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--fromat");
    }

    @Test
    void missingFileIsBadInput() {
        var r = Scaler.run("plan", dir.resolve("nope.yaml").toString());
        assertThat(r.code()).as(r.transcript()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("nope.yaml");
    }

    @Test
    void versionAndHelpSucceed() {
        assertThat(Scaler.run("--version").out()).startsWith("scaler ");
        var help = Scaler.run("up", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Examples:");
    }
}
