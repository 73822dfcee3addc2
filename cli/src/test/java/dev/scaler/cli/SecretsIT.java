package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.plan.ObservedContainer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A project with every tier that has a password (database with a replica and the failover agent, Redis, MinIO, the
 * web app): `docker inspect` of each of its containers shows none of the project's passwords in its environment,
 * while the services that need them read them from the files they were given.
 */
class SecretsIT extends ProjectIT {
    private static final String PROJECT = "it-secrets";

    @Override
    String project() {
        return PROJECT;
    }

    @Test
    void noContainerShowsAPasswordInItsEnvironmentYetEveryServiceHasItsOwn() throws Exception {
        Path file = dir.resolve(PROJECT + ".yaml");
        Files.writeString(file, """
                name: %s
                images: offline
                loadBalancer: { port: %d }
                web: { replicas: 1 }
                cache: { replicas: 0, sentinels: 0 }
                database: { kind: mariadb, replicas: 1 }
                cdn: { bucket: media, edge: { cache: false } }
                """.formatted(PROJECT, port));
        var up = Scaler.run("up", "--timeout", "240", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();

        var secrets = new Properties();
        secrets.load(new StringReader(Files.readString(dir.resolve(".scaler/secrets/" + PROJECT + ".properties"))));
        assertThat(secrets.stringPropertyNames()).contains("db.root", "db.password", "redis.password", "cdn.password");
        List<ObservedContainer> containers = docker.containers(PROJECT);
        assertThat(containers).extracting(ObservedContainer::name).contains(PROJECT + "-db-1", PROJECT + "-db-2",
                PROJECT + "-agent", PROJECT + "-cache-1", PROJECT + "-cdn-origin", PROJECT + "-web-1");
        for (ObservedContainer c : containers) {
            String env = docker.inspect(c.name(), "{{json .Config.Env}}");
            assertThat(env).as("the environment of %s", c.name()).startsWith("[\"");
            for (String key : secrets.stringPropertyNames()) {
                assertThat(env).as("%s's environment holds %s", c.name(), key).doesNotContain(secrets.getProperty(key));
            }
        }

        // The same values are where the services read them (the check above would have found them in the env).
        assertThat(docker.exec(PROJECT + "-db-1", "cat", "/run/secrets/db.root")).isEqualTo(secrets.getProperty("db.root"));
        assertThat(docker.inspect(PROJECT + "-web-1", "{{json .Config.Env}}"))
                .contains("SCALER_DB_PASSWORD_FILE=/run/secrets/db.password",
                        "SCALER_REDIS_PASSWORD_FILE=/run/secrets/redis.password");
        // And they work: a login (a session in Redis) records the user on the database primary.
        eventually(Duration.ofSeconds(60), "alice recorded on the primary", () -> loggedIn("alice")
                && docker.exec(PROJECT + "-db-1", "bash", "-c", "mariadb -uroot -p\"$(cat \"$MYSQL_ROOT_PASSWORD_FILE\")\""
                        + " -N -D scaler -e 'SELECT name FROM users'").contains("alice"));
    }

    private boolean loggedIn(String user) {
        try {
            return !login(port, user).isEmpty();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
