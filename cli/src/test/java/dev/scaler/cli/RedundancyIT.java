package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The replicated data tier on the real engine: replication, sharding, automatic and manual failover. */
class RedundancyIT extends ProjectIT {
    private static final String PROJECT = "it-ha";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    String project() {
        return PROJECT;
    }

    /** Runs SQL as root inside a database container; rows come back tab-separated. */
    private dev.scaler.engine.Exec query(String container, String query) {
        return docker.engine.exec(docker.container(container).id(), List.of("bash", "-c",
                "exec mariadb --defaults-extra-file=<(printf '[client]\\npassword=\"%s\"\\n' \"$(cat \"$MYSQL_ROOT_PASSWORD_FILE\")\")"
                        + " -uroot -N -D scaler -e \"$1\"", "sql", query), Duration.ofSeconds(10));
    }

    /** The rows, or empty when the query fails (a table not replicated yet). */
    private String trySql(String container, String sql) {
        var result = query(container, sql);
        return result.ok() ? result.output() : "";
    }

    private String sql(String container, String sql) {
        var result = query(container, sql);
        assertThat(result.ok()).as(result.output()).isTrue();
        return result.output();
    }

    private String role(String container) {
        // The ROLE column of the container's row (roles may contain spaces: "replica of X").
        return Scaler.run("status", PROJECT).out().lines().map(l -> l.split("\\s{2,}"))
                .filter(cols -> cols.length > 3 && cols[1].equals(container)).map(cols -> cols[3])
                .findFirst().orElse("");
    }

    private void eventually(Duration limit, String what, Supplier<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("%s within %s", what, limit).isLessThan(end);
            Thread.sleep(250);
        }
    }

    /** Writes a note, retrying while the shards' schema is still being created in the background. */
    private HttpResponse<String> acknowledged(User user) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        var r = user.write();
        while (r.statusCode() != 201 && System.nanoTime() < end) {
            Thread.sleep(250);
            r = user.write();
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r;
    }

    /** Logs a user in; false when the web tier did not answer 200 (then the caller tries again). */
    private boolean login(String name) {
        try {
            new User(name);
            return true;
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    /** A logged-in user of the web tier. */
    private final class User {
        private final String cookie;

        User(String name) throws Exception {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=" + name)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        }

        HttpResponse<String> write() throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notes"))
                    .header("Cookie", cookie).header("Content-Type", "application/json").timeout(Duration.ofSeconds(3))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"it\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void replicatesShardsAndFailsOver() throws Exception {
        Path file = dir.resolve("ha.yaml");
        Files.writeString(file, """
                name: %s
                images: offline
                loadBalancer: { port: %d }
                web: { replicas: 1 }
                database: { kind: mariadb, replicas: 2 }
                shards: { count: 2, replicas: 1 }
                """.formatted(PROJECT, port));
        var up = Scaler.run("up", "--timeout", "180", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();

        // A row written on the primary (a login upserts the user) appears on every replica. The app creates its
        // schema in the background (a login is a 503 until then), so log in until the primary has it.
        eventually(Duration.ofSeconds(30), "alice recorded on the primary", () -> login("alice")
                && trySql("it-ha-db-1", "SELECT name FROM users").contains("alice"));
        for (String replica : List.of("it-ha-db-2", "it-ha-db-3")) {
            eventually(Duration.ofSeconds(10), "alice on " + replica,
                    () -> trySql(replica, "SELECT name FROM users").contains("alice"));
        }

        // Notes are spread over the shards, each on exactly one.
        var ids = new HashSet<String>();
        for (int i = 0; i < 20; i++) {
            var r = acknowledged(new User("user" + i));
            ids.add(r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        }
        var perShard = new ArrayList<List<String>>();
        for (String primary : List.of("it-ha-shard-1-1", "it-ha-shard-2-1")) {
            perShard.add(sql(primary, "SELECT id FROM notes").lines().toList());
        }
        assertThat(perShard.get(0)).as("shard 1").isNotEmpty().doesNotContainAnyElementsOf(perShard.get(1));
        assertThat(perShard.get(1)).as("shard 2").isNotEmpty();
        var all = new HashSet<>(perShard.get(0));
        all.addAll(perShard.get(1));
        assertThat(all).isEqualTo(ids);
        System.out.printf("notes per shard: %d, %d%n", perShard.get(0).size(), perShard.get(1).size());

        // The shard primary of a writer dies: the agent promotes its replica and writes succeed again.
        var writer = new User("writer");
        var first = acknowledged(writer);
        String shardPrimary = "it-ha-shard-" + (Integer.parseInt(first.body().replaceAll(".*\"shard\":(\\d+).*", "$1")) + 1) + "-1";
        String shardReplica = shardPrimary.substring(0, shardPrimary.length() - 1) + "2";
        docker.kill(shardPrimary);
        long killed = System.nanoTime();
        eventually(Duration.ofSeconds(20), "a write after the kill", () -> {
            try {
                return writer.write().statusCode() == 201;
            } catch (Exception e) {
                return false;
            }
        });
        System.out.printf("writes back %.1f s after the shard primary was killed%n", (System.nanoTime() - killed) / 1e9);
        assertThat(role(shardReplica)).isEqualTo("primary");

        // `up` brings the old primary back; the agent makes it a replica of the new one, never a second primary.
        assertThat(Scaler.run("up", file.toString()).code()).isZero();
        eventually(Duration.ofSeconds(30), shardPrimary + " rejoins",
                () -> role(shardPrimary).contains("replica of " + shardReplica));

        // By hand: promote a replica of the database.
        var failover = Scaler.run("failover", "--to", "it-ha-db-3", PROJECT);
        assertThat(failover.code()).as(failover.transcript()).isZero();
        assertThat(role("it-ha-db-3")).isEqualTo("primary");
        assertThat(role("it-ha-db-1")).isEqualTo("replica of it-ha-db-3");
        eventually(Duration.ofSeconds(20), "bob recorded on the new primary", () -> login("bob")
                && trySql("it-ha-db-3", "SELECT name FROM users").contains("bob"));
        eventually(Duration.ofSeconds(10), "bob on it-ha-db-1",
                () -> trySql("it-ha-db-1", "SELECT name FROM users").contains("bob"));

        var agentLog = docker.engine.logs(docker.container("it-ha-agent").id(), 200);
        assertThat(String.join("\n", agentLog)).contains("is dead; promoting " + shardReplica);
        assertThat(failover.out()).contains("promoting it-ha-db-3 by hand");

        assertThat(Scaler.run("down", PROJECT).code()).isZero();
        assertThat(docker.leftovers(PROJECT)).isEmpty();
    }
}
