package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * The notes API on real MariaDB and Redis containers (the offline images):
 * <ul>
 * <li>db-a: primary of the main database, also shard 0; a fixed host port, so a restart keeps its address</li>
 * <li>db-a-replica: follows db-a with GTID replication, set up here in plain SQL</li>
 * <li>db-b: shard 1</li>
 * </ul>
 * Three apps share them: "single" (db-a + replica, no shards), "sharded" (shards db-a + db-b, hash)
 * and "ranged" (the same shards, range). The last test stops db-a, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class NotesIT {
    private static final DockerImageName MARIADB = DockerImageName.parse("scaler/mariadb:offline");
    private static final DockerImageName REDIS = DockerImageName.parse("scaler/redis:offline");
    private static final String SECRET = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private static final String ROOT_PASSWORD = "root-" + SECRET;
    private static final String APP_PASSWORD = "app-" + SECRET;
    private static final String REDIS_PASSWORD = "redis-" + SECRET;
    private static final String APP_USER = "scaler";

    private static final List<AutoCloseable> CLEANUP = new ArrayList<>();
    private static DockerClient docker;
    private static GenericContainer<?> redis;
    private static GenericContainer<?> dbA;
    private static GenericContainer<?> dbAReplica;
    private static GenericContainer<?> dbB;
    private static int dbAPort;
    private static ApiClient single;
    private static ApiClient sharded;
    private static ApiClient ranged;
    private static RedisClient directRedis;

    @BeforeAll
    static void startContainersAndApps() throws Exception {
        docker = DockerSupport.require(NotesIT.class, MARIADB.asCanonicalNameString(), REDIS.asCanonicalNameString());
        try {
            Network network = Network.builder()
                    .createNetworkCmdModifier(cmd -> cmd.withLabels(DockerSupport.labels(NotesIT.class)))
                    .build();
            CLEANUP.add(network);

            redis = new GenericContainer<>(REDIS)
                    .withLabels(DockerSupport.labels(NotesIT.class))
                    .withTmpFs(Map.of("/data", "rw"))
                    .withCommand("--requirepass", REDIS_PASSWORD, "--save", "", "--appendonly", "no")
                    .withExposedPorts(6379)
                    .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1).withStartupTimeout(Duration.ofSeconds(60)));
            dbAPort = DockerSupport.freePort();
            // No tmpfs: the data must survive the restart in the last test (an anonymous volume, removed with the container).
            dbA = mariadb(network, "db-a", 1, false).withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                    new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", dbAPort), ExposedPort.tcp(3306))));
            dbAReplica = mariadb(network, "db-a-replica", 2, true).withTmpFs(Map.of("/var/lib/mysql", "rw"));
            dbB = mariadb(network, "db-b", 3, false).withTmpFs(Map.of("/var/lib/mysql", "rw"));
            for (GenericContainer<?> c : List.of(redis, dbA, dbAReplica, dbB)) {
                CLEANUP.add(c::stop);
            }
            Startables.deepStart(Stream.of(redis, dbA, dbAReplica, dbB)).join();

            directRedis = RedisClient.builder()
                    .hostAndPort(redis.getHost(), redis.getMappedPort(6379))
                    .clientConfig(DefaultJedisClientConfig.builder().password(REDIS_PASSWORD).build())
                    .build();
            CLEANUP.add(directRedis);

            replicate(dbAReplica, "db-a", dbA);
            // For the app started while db-a is down (last test): its own, empty database.
            root(dbA, "CREATE DATABASE late", "GRANT ALL ON late.* TO '" + APP_USER + "'@'%'");

            String a = "jdbc:mariadb://127.0.0.1:" + dbAPort + "/scaler";
            String aReplica = jdbcUrl(dbAReplica, "scaler");
            String b = jdbcUrl(dbB, "scaler");
            single = start("single", Map.of("SCALER_DB_PRIMARY_URL", a, "SCALER_DB_REPLICA_URLS", aReplica));
            sharded = start("sharded", Map.of("SCALER_SHARD_URLS", a + "," + b, "SCALER_SHARD_0_REPLICA_URLS", aReplica,
                    "SCALER_SHARD_STRATEGY", "hash", "SCALER_DB_PRIMARY_URL", a));
            ranged = start("ranged", Map.of("SCALER_SHARD_URLS", a + "," + b, "SCALER_SHARD_STRATEGY", "range"));
        } catch (Throwable e) {
            cleanUp(); // @AfterAll would run too, but a half-built fixture must not wait for it
            throw e;
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        // Last in, first out: the apps stop before the containers they talk to, containers before their network.
        for (AutoCloseable resource : CLEANUP.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("cleanup: " + e);
            }
        }
        CLEANUP.clear();
        if (docker != null) {
            DockerSupport.removeLeftovers(docker, NotesIT.class); // volumes too, whatever stop() left
        }
    }

    @Test
    @Order(1)
    void notesRoundTripThroughPrimaryReplicaAndCache() throws Exception {
        String alice = single.login("alice");

        JsonNode created = single.create("first words", alice);
        String id = created.get("id").asText();
        assertThat(created.get("user").asText()).isEqualTo("alice");
        assertThat(created.get("version").asLong()).isEqualTo(1);
        assertThat(created.get("shard").asInt()).isZero();
        assertThat(rootQuery(dbA, "SELECT text FROM scaler.notes WHERE id = ?", id)).contains("first words");

        caughtUp(dbAReplica, dbA);
        evict(id);
        JsonNode fromReplica = single.read(id, alice);
        assertThat(fromReplica.get("source").asText()).isEqualTo("replica");
        assertThat(fromReplica.get("text").asText()).isEqualTo("first words");
        assertThat(fromReplica.get("version").asLong()).isEqualTo(1);
        assertThat(single.read(id, alice).get("source").asText()).isEqualTo("cache");
        assertThat(ApiClient.ok(single.get("/notes/" + id + "?consistency=primary", alice), 200).get("source").asText())
                .isEqualTo("primary");

        JsonNode updated = single.update(id, "second thoughts", alice);
        assertThat(updated.get("id").asText()).isEqualTo(id);
        assertThat(updated.get("version").asLong()).isEqualTo(2);
        JsonNode reread = single.read(id, alice);
        assertThat(reread.get("version").asLong()).isEqualTo(2);
        assertThat(reread.get("text").asText()).isEqualTo("second thoughts");

        JsonNode list = ApiClient.ok(single.get("/notes", alice), 200);
        assertThat(list.get("notes")).anySatisfy(n -> {
            assertThat(n.get("id").asText()).isEqualTo(id);
            assertThat(n.get("version").asLong()).isEqualTo(2);
        });

        assertThat(single.get("/notes/" + id, "").statusCode()).isEqualTo(401);
        assertThat(single.get("/notes/" + id, single.login("mallory")).statusCode()).isEqualTo(404);
        assertThat(single.put("/notes/" + id, ApiClient.note("mine"), single.login("mallory")).statusCode()).isEqualTo(404);
        assertThat(single.post("/notes", ApiClient.note(""), alice).statusCode()).isEqualTo(400);

        // Text round-trips as UTF-8 (utf8mb4 table), including characters outside the BMP.
        String unicode = "naïve café ☕ 😀 " + "ü".repeat(10);
        String unicodeId = single.create(unicode, alice).get("id").asText();
        assertThat(ApiClient.ok(single.get("/notes/" + unicodeId + "?consistency=primary", alice), 200).get("text").asText())
                .isEqualTo(unicode);

        assertThat(rootQuery(dbA, "SELECT last_login FROM scaler.users WHERE name = ?", "alice"))
                .as("the login was recorded on the primary before it answered").isPresent();
        JsonNode account = ApiClient.ok(single.get("/account", alice), 200);
        assertThat(account.get("user").asText()).isEqualTo("alice");
        assertThat(account.get("source").asText()).isIn("replica", "primary");
    }

    @Test
    @Order(2)
    void aWriteInvalidatesTheCachedCopy() throws Exception {
        String bob = single.login("bob");
        String id = single.create("cached v1", bob).get("id").asText();
        single.read(id, bob);
        String key = RedisNoteCache.KEY_PREFIX + id;
        assertThat(single.read(id, bob).get("source").asText()).isEqualTo("cache");
        assertThat(directRedis.get(key)).contains("\"version\":1").contains("cached v1");
        assertThat(directRedis.ttl(key)).isBetween(1L, 60L);

        single.update(id, "cached v2", bob);

        assertThat(directRedis.get(key)).as("deleted by the write").isNull();
        JsonNode after = single.read(id, bob);
        assertThat(after.get("version").asLong()).isEqualTo(2);
        assertThat(after.get("source").asText()).isNotEqualTo("cache");
        JsonNode cachedAgain = single.read(id, bob);
        assertThat(cachedAgain.get("source").asText()).isEqualTo("cache");
        assertThat(cachedAgain.get("text").asText()).isEqualTo("cached v2");
    }

    @Test
    @Order(3)
    void aLaggingReplicaNeverShowsUsersAnOlderVersionThanTheyWrote() throws Exception {
        String carol = single.login("carol");
        String id = single.create("v1", carol).get("id").asText();
        caughtUp(dbAReplica, dbA);

        root(dbAReplica, "STOP SLAVE SQL_THREAD"); // receives the binlog, applies nothing: lag on demand
        try {
            JsonNode updated = single.update(id, "v2", carol);
            assertThat(updated.get("version").asLong()).isEqualTo(2);
            Thread.sleep(300); // what would have been plenty of time to replicate
            assertThat(rootQuery(dbAReplica, "SELECT version FROM scaler.notes WHERE id = ?", id)).as("the replica lags").contains("1");

            JsonNode read = single.read(id, carol);
            assertThat(read.get("version").asLong()).isEqualTo(2);
            assertThat(read.get("text").asText()).isEqualTo("v2");
            assertThat(read.get("source").asText()).isEqualTo("primary");

            // The same user in another session (a second tab, another load-generator worker) is covered too.
            String carolAgain = single.login("carol");
            assertThat(single.read(id, carolAgain).get("version").asLong()).isEqualTo(2);

            // A note created during the lag is not on the replica at all: still found, on the primary.
            String fresh = single.create("written during lag", carol).get("id").asText();
            evict(fresh);
            JsonNode freshRead = single.read(fresh, carol);
            assertThat(freshRead.get("source").asText()).isEqualTo("primary");

            JsonNode list = ApiClient.ok(single.get("/notes", carol), 200);
            assertThat(list.get("source").asText()).isEqualTo("primary");
            assertThat(list.get("notes")).hasSize(2);

            // Without read-your-writes the replica would have answered version 1: it still has it.
            evict(id);
            assertThat(rootQuery(dbAReplica, "SELECT version FROM scaler.notes WHERE id = ?", id)).contains("1");
            assertThat(single.read(id, carol).get("version").asLong()).isEqualTo(2);
        } finally {
            root(dbAReplica, "START SLAVE SQL_THREAD");
        }
        caughtUp(dbAReplica, dbA);
        evict(id);
        JsonNode caughtUp = single.read(id, carol);
        assertThat(caughtUp.get("source").asText()).isEqualTo("replica");
        assertThat(caughtUp.get("version").asLong()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void shardedWritesLandOnTheUsersShardOnly() throws Exception {
        ShardRouter ring = ShardStrategy.HASH.router(2);
        Map<String, Integer> shardOfUser = new HashMap<>();
        int[] expected = new int[2];
        for (int i = 0; i < 40; i++) {
            String user = "sharded-" + i;
            String cookie = sharded.login(user);
            JsonNode created = sharded.create("note of " + user, cookie);
            int shard = created.get("shard").asInt();
            assertThat(shard).as(user).isEqualTo(ring.shardOf(user));
            shardOfUser.put(user, shard);
            expected[shard]++;
            assertThat(sharded.read(created.get("id").asText(), cookie).get("shard").asInt()).isEqualTo(shard);
        }

        Map<String, Integer> onA = countsByUser(dbA, "sharded-%");
        Map<String, Integer> onB = countsByUser(dbB, "sharded-%");
        assertThat(onA.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected[0]);
        assertThat(onB.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected[1]);
        assertThat(expected[0]).as("both shards used").isPositive();
        assertThat(expected[1]).as("both shards used").isPositive();
        shardOfUser.forEach((user, shard) -> {
            assertThat(onA.containsKey(user) ^ onB.containsKey(user)).as("%s on exactly one shard", user).isTrue();
            assertThat(shard == 0 ? onA : onB).as(user).containsEntry(user, 1);
        });

        // Range: first characters 0-h on shard 0, i-z on shard 1.
        JsonNode early = ranged.create("a", ranged.login("aaron-ranged"));
        JsonNode late = ranged.create("z", ranged.login("zelda-ranged"));
        assertThat(early.get("shard").asInt()).isZero();
        assertThat(late.get("shard").asInt()).isEqualTo(1);
        assertThat(countsByUser(dbA, "%-ranged")).containsOnlyKeys("aaron-ranged");
        assertThat(countsByUser(dbB, "%-ranged")).containsOnlyKeys("zelda-ranged");
    }

    @Test
    @Order(5)
    void aReadOnlyPrimaryAnswers503AndWritesResumeWhenWritable() throws Exception {
        String dave = single.login("dave");
        String id = single.create("before fencing", dave).get("id").asText();

        root(dbA, "SET GLOBAL read_only = 1"); // what fencing an old primary does
        try {
            HttpResponse<String> refused = single.post("/notes", ApiClient.note("while fenced"), dave);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).isEqualTo("{\"error\":\"database is read-only\"}");
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertThat(single.put("/notes/" + id, ApiClient.note("x"), dave).statusCode()).isEqualTo(503);
            assertThat(single.read(id, dave).get("version").asLong()).as("reads go on").isEqualTo(1);
        } finally {
            root(dbA, "SET GLOBAL read_only = 0");
        }
        assertThat(single.update(id, "after fencing", dave).get("version").asLong()).isEqualTo(2);
    }

    @Test
    @Order(99)
    void aStoppedPrimaryFailsFastAndThePoolsRecoverAfterItsRestart() throws Exception {
        String erin = single.login("erin");
        String id = single.create("survives", erin).get("id").asText();
        caughtUp(dbAReplica, dbA);

        docker.stopContainerCmd(dbA.getContainerId()).withTimeout(10).exec();
        try {
            assertThat(single.get("/healthz", "").statusCode()).isEqualTo(200);

            long started = System.nanoTime();
            HttpResponse<String> write = single.post("/notes", ApiClient.note("while down"), erin);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(write.statusCode()).isEqualTo(503);
            assertThat(write.body()).isEqualTo("{\"error\":\"database unavailable\"}");
            assertThat(write.headers().firstValue("Retry-After")).contains("1");
            assertThat(took).as("a dead primary is a fast 503, not a hang").isLessThan(Duration.ofMillis(2000));

            started = System.nanoTime();
            assertThat(single.get("/notes/" + id + "?consistency=primary", erin).statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));

            evict(id);
            JsonNode read = single.read(id, erin);
            assertThat(read.get("source").asText()).as("reads go on from the replica").isEqualTo("replica");

            // An app that starts while its database is down: live at once, 503 for notes, schema later.
            ApiClient late = start("late", Map.of("SCALER_DB_PRIMARY_URL", "jdbc:mariadb://127.0.0.1:" + dbAPort + "/late"));
            assertThat(late.get("/healthz", "").statusCode()).isEqualTo(200);
            HttpResponse<String> earlyLogin = late.post("/login", "{\"user\":\"frank\"}", "");
            assertThat(earlyLogin.statusCode()).as("a login is recorded on the main primary first").isEqualTo(503);
            assertThat(earlyLogin.headers().firstValue("Set-Cookie")).as("no session without the record").isEmpty();

            docker.startContainerCmd(dbA.getContainerId()).exec();

            Duration recovered = DockerSupport.eventually(Duration.ofSeconds(30),
                    () -> single.post("/notes", ApiClient.note("after restart"), erin).statusCode() == 201);
            System.out.println("NotesIT: writes recovered " + recovered.toMillis() + " ms after the restart was issued");
            assertThat(single.update(id, "survived", erin).get("version").asLong()).isEqualTo(2);
            DockerSupport.eventually(Duration.ofSeconds(30),
                    () -> late.post("/login", "{\"user\":\"frank\"}", "").statusCode() == 200);
            String lateUser = late.login("frank");
            DockerSupport.eventually(Duration.ofSeconds(30),
                    () -> late.post("/notes", ApiClient.note("schema made in the background"), lateUser).statusCode() == 201);
            assertThat(rootQuery(dbA, "SELECT COUNT(*) FROM late.notes WHERE `user` = ?", "frank")).contains("1");
        } finally {
            if (!Boolean.TRUE.equals(docker.inspectContainerCmd(dbA.getContainerId()).exec().getState().getRunning())) {
                docker.startContainerCmd(dbA.getContainerId()).exec();
            }
        }
    }

    private static GenericContainer<?> mariadb(Network network, String alias, int serverId, boolean replica) {
        List<String> args = new ArrayList<>(List.of("--server-id=" + serverId, "--log-bin=mysql-bin", "--binlog-format=ROW",
                "--log-slave-updates=ON"));
        if (replica) {
            args.add("--read-only=ON"); // the app user has no privilege to write past it; replication does
        }
        return new GenericContainer<>(MARIADB)
                .withNetwork(network)
                .withNetworkAliases(alias)
                .withLabels(DockerSupport.labels(NotesIT.class))
                .withEnv("MARIADB_ROOT_PASSWORD", ROOT_PASSWORD)
                .withEnv("MARIADB_DATABASE", "scaler")
                .withEnv("MARIADB_USER", APP_USER)
                .withEnv("MARIADB_PASSWORD", APP_PASSWORD)
                .withCommand(args.toArray(String[]::new))
                .withExposedPorts(3306)
                // The set-up server runs without networking ("port: 0"); this is the real one.
                .waitingFor(Wait.forLogMessage(".*port: 3306.*", 1).withStartupTimeout(Duration.ofSeconds(90)));
    }

    private static ApiClient start(String instance, Map<String, String> database) throws IOException {
        Map<String, String> env = new HashMap<>(database);
        env.put("SCALER_PORT", "0");
        env.put("SCALER_INSTANCE", instance);
        env.put("SCALER_REDIS_URL", "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
        env.put("SCALER_REDIS_PASSWORD", REDIS_PASSWORD);
        env.put("SCALER_DB_USER", APP_USER);
        env.put("SCALER_DB_PASSWORD", APP_PASSWORD);
        Application app = Application.start(Config.fromEnv(env, () -> instance));
        CLEANUP.add(() -> app.stop(Duration.ZERO));
        return new ApiClient(app.port());
    }

    private static String jdbcUrl(GenericContainer<?> db, String database) {
        return "jdbc:mariadb://127.0.0.1:" + db.getMappedPort(3306) + "/" + database;
    }

    private static Connection rootConnection(GenericContainer<?> db) throws SQLException {
        int port = db == dbA ? dbAPort : db.getMappedPort(3306);
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", ROOT_PASSWORD);
    }

    private static void root(GenericContainer<?> db, String... statements) throws SQLException {
        try (Connection c = rootConnection(db); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static Optional<String> rootQuery(GenericContainer<?> db, String sql, String parameter) throws SQLException {
        try (Connection c = rootConnection(db); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static Map<String, Integer> countsByUser(GenericContainer<?> db, String like) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = rootConnection(db);
                PreparedStatement s = c.prepareStatement("SELECT `user`, COUNT(*) FROM scaler.notes WHERE `user` LIKE ? GROUP BY `user`")) {
            s.setString(1, like);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return counts;
    }

    /** GTID replication from {@code primary} (by its network alias), in the SQL a scaler topology runs. */
    private static void replicate(GenericContainer<?> replica, String primaryAlias, GenericContainer<?> primary) throws Exception {
        root(primary, "CREATE USER 'repl'@'%' IDENTIFIED BY '" + SECRET + "'", "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%'");
        root(replica,
                "CHANGE MASTER TO MASTER_HOST='" + primaryAlias + "', MASTER_PORT=3306, MASTER_USER='repl', MASTER_PASSWORD='"
                        + SECRET + "', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1",
                "START SLAVE");
        DockerSupport.eventually(Duration.ofSeconds(30), () -> {
            try (Connection c = rootConnection(replica); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SHOW SLAVE STATUS")) {
                return r.next() && "Yes".equals(r.getString("Slave_IO_Running")) && "Yes".equals(r.getString("Slave_SQL_Running"));
            }
        });
        caughtUp(replica, primary);
    }

    /** Waits until the replica applied everything the primary has logged so far. */
    private static void caughtUp(GenericContainer<?> replica, GenericContainer<?> primary) throws Exception {
        String position;
        try (Connection c = rootConnection(primary); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT @@gtid_binlog_pos")) {
            position = r.next() ? r.getString(1) : "";
        }
        try (Connection c = rootConnection(replica); PreparedStatement s = c.prepareStatement("SELECT MASTER_GTID_WAIT(?, 20)")) {
            s.setString(1, position);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty())
                        .as("replica reached %s", position).hasValue(0);
            }
        }
    }

    private static void evict(String id) {
        directRedis.del(RedisNoteCache.KEY_PREFIX + id);
    }
}
