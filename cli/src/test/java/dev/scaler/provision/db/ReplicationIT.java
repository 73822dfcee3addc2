package dev.scaler.provision.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaler.EngineIT;
import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.Health;
import dev.scaler.engine.Progress;
import dev.scaler.plan.ContainerFile;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.HealthCheck;
import dev.scaler.plan.Labels;
import dev.scaler.plan.Mount;
import dev.scaler.plan.NetworkSpec;
import dev.scaler.plan.PortBinding;
import dev.scaler.plan.SecretFiles;
import dev.scaler.plan.Tier;
import dev.scaler.plan.VolumeSpec;
import dev.scaler.provision.Down;
import dev.scaler.sql.Dialect;
import dev.scaler.sql.Gtid;
import dev.scaler.sql.ReplicaStatus;
import dev.scaler.sql.ServerConfig;
import dev.scaler.sql.ServerImage;
import dev.scaler.sql.Source;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A MariaDB primary and two replicas in scaler/mariadb:offline containers (images/build.sh mariadb), set up and
 * failed over only through {@link Dialect} and {@link SqlNode}: replication by GTID, semi-synchronous with a bounded
 * timeout, the most advanced replica promoted, the other re-pointed, the old primary fenced and rejoined.
 * Containers go through the project's own Docker adapter; everything carries scaler.project=dbimages-replication-it
 * and scaler.test=dbimages and is removed by label before and after.
 */
class ReplicationIT extends EngineIT {
    private static final String PROJECT = "dbimages-replication-it";
    private static final String IMAGE = "scaler/mariadb:offline";
    private static final String NETWORK = PROJECT + "-net";
    private static final Dialect D = Dialect.MARIADB;
    private static final Duration SQL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SEMI_SYNC_TIMEOUT = Duration.ofSeconds(1);
    private static final String ROOT_PW = secret("root");
    private static final String REPL_PW = secret("repl");
    private static final String MONITOR_PW = secret("monitor");
    private static final String APP_PW = secret("app");

    private static DockerEngine engine;

    private final List<SqlNode> connections = new ArrayList<>();
    private final long started = System.nanoTime();

    /** One database container: its network name, container id and the host port of 3306 (127.0.0.1). */
    private record Db(String name, String id, int port) {
    }

    @BeforeAll
    static void engine() {
        engine = DockerEngine.connect();
        assertThat(engine.imageId(IMAGE)).as("image %s is missing: run images/build.sh mariadb", IMAGE).isPresent();
        clear();
    }

    @AfterAll
    static void removeEverything() {
        if (engine != null) {
            clear();
            engine.close();
        }
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(SqlNode::close);
    }

    private static void clear() {
        new Down(engine, Progress.SILENT).run(PROJECT, false);
    }

    private static String secret(String what) {
        return what + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Test
    void primaryAndTwoReplicasReplicateByGtidFailOverToTheMostAdvancedAndTheOldPrimaryRejoinsFenced()
            throws Exception {
        // ---- provision: three servers, every one starts read-only, semi-sync on with a 1 s bound ----------------
        var testLabels = Map.of(Labels.PROJECT, PROJECT, "scaler.test", "dbimages");
        engine.createNetwork(new NetworkSpec(NETWORK, testLabels));
        Db db1 = create("db-1", 1, ServerConfig.primary(1).withReadOnly(true));
        Db db2 = create("db-2", 2, ServerConfig.replica(2));
        Db db3 = create("db-3", 3, ServerConfig.replica(3));
        long t = System.nanoTime();
        List.of(db1, db2, db3).forEach(db -> engine.start(db.id()));
        List.of(db1, db2, db3).forEach(this::awaitHealthy);
        log("3 servers initialized and healthy (health check %s) in %d ms", "ServerImage.HEALTH_CHECK", ms(t));

        SqlNode primary = root(db1);
        SqlNode r2 = root(db2);
        SqlNode r3 = root(db3);
        assertThat(primary.readOnly()).as("a primary never starts writable by itself").isTrue();
        primary.execute(D.promote());
        assertThat(primary.readOnly()).isFalse();

        t = System.nanoTime();
        primary.execute(D.createReplicationUser("repl", REPL_PW));
        log("first commit on the primary with semi-sync on and no replica yet: %d ms (the bounded wait)", ms(t));
        primary.execute(D.createMonitorUser("monitor", MONITOR_PW));
        primary.execute(D.createAppUser("app", APP_PW, "shop"));
        SqlNode app1 = connect(db1, "app", APP_PW);
        app1.execute(List.of("CREATE TABLE shop.orders (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(100))",
                "INSERT INTO shop.orders (note) VALUES ('first')"));

        Source fromDb1 = Source.of("db-1", "repl", REPL_PW);
        r2.execute(D.replicateFrom(fromDb1));
        r3.execute(D.replicateFrom(fromDb1));

        // ---- a row written on the primary appears on every replica; their status says so -------------------------
        awaitNotes(r2, "first");
        awaitNotes(r3, "first");
        Gtid primaryGtid = primary.gtidExecuted();
        for (SqlNode r : List.of(r2, r3)) {
            eventually("replica " + r.name() + " caught up", () -> r.replicaStatus().map(s -> s.replicating()
                    && s.executedGtid().equals(primaryGtid.toString())).orElse(false));
            ReplicaStatus s = r.replicaStatus().orElseThrow();
            assertThat(s.ioRunning()).isTrue();
            assertThat(s.sqlRunning()).isTrue();
            assertThat(s.autoPosition()).isTrue();
            assertThat(s.sourceHost()).isEqualTo("db-1");
            assertThat(s.sourcePort()).isEqualTo(3306);
            assertThat(s.secondsBehind()).hasValue(0);
            assertThat(D.parseGtid(s.retrievedGtid())).isEqualTo(primaryGtid);
            assertThat(r.gtidExecuted().relationTo(primaryGtid)).isEqualTo(Gtid.Relation.EQUAL);
            assertThat(r.readOnly()).isTrue();
        }
        log("replicating by GTID; primary at %s", primaryGtid);

        // ---- accounts have their privileges and no more -----------------------------------------------------------
        assertThatThrownBy(() -> connect(db2, "app", APP_PW).execute(List.of(
                "INSERT INTO shop.orders (note) VALUES ('on a replica')")))
                .as("read-only replica refuses the application's writes").hasMessageContaining("read-only");
        SqlNode repl = connect(db1, "repl", REPL_PW);
        assertThat(repl.query("SHOW GRANTS").getFirst().values().iterator().next())
                .startsWith("GRANT REPLICATION SLAVE ON *.* TO `repl`@`%`");
        assertThatThrownBy(() -> repl.query("SELECT * FROM shop.orders")).hasMessageContaining("denied");
        SqlNode monitor = connect(db2, "monitor", MONITOR_PW);
        assertThat(monitor.replicaStatus()).hasValueSatisfying(s -> assertThat(s.replicating()).isTrue());
        assertThatThrownBy(() -> monitor.query("SELECT * FROM shop.orders")).hasMessageContaining("denied");

        // ---- semi-synchronous: on at both ends, commits acknowledged --------------------------------------------
        eventually("both replicas acknowledge semi-synchronously", () -> {
            var s = primary.semiSyncStatus();
            return s.sourceOn() && s.sourceClients() == 2;
        });
        long acknowledged = primary.semiSyncStatus().acknowledged();
        app1.execute(List.of("INSERT INTO shop.orders (note) VALUES ('semi-sync')"));
        var semiSync = primary.semiSyncStatus();
        assertThat(semiSync.acknowledged()).isGreaterThan(acknowledged);
        assertThat(r2.semiSyncStatus().replicaOn()).isTrue();
        assertThat(r3.semiSyncStatus().replicaOn()).isTrue();
        log("semi-sync: primary %s", semiSync);

        // ---- db-2 falls behind: it stops replicating while the primary takes three more writes -------------------
        awaitNotes(r2, "first", "semi-sync");
        r2.execute(D.stopReplica());
        app1.execute(List.of("INSERT INTO shop.orders (note) VALUES ('second'), ('third')",
                "INSERT INTO shop.orders (note) VALUES ('fourth')"));
        awaitNotes(r3, "first", "semi-sync", "second", "third", "fourth");
        log("db-2 at %s, db-3 at %s", r2.gtidExecuted(), r3.gtidExecuted());

        // ---- the primary stops -----------------------------------------------------------------------------------
        app1.close();
        primary.close();
        repl.close();
        t = System.nanoTime();
        engine.signal(db1.id(), "TERM");
        eventually("db-1 stopped", () -> engine.health(db1.id()) == Health.EXITED);
        log("db-1 stopped (SIGTERM, clean shutdown) in %d ms", ms(t));
        eventually("db-3 noticed", () -> r3.replicaStatus().map(s -> !s.ioRunning()).orElse(false));
        log("db-3's receiver noticed %d ms after the signal: %s", ms(t),
                r3.replicaStatus().map(ReplicaStatus::lastIoError).orElse(""));

        // ---- failover: apply what was received, elect by GTID, promote, re-point ---------------------------------
        long f0 = System.nanoTime();
        var candidates = new LinkedHashMap<String, Gtid>();
        for (var c : List.of(Map.entry("db-2", r2), Map.entry("db-3", r3))) {
            ReplicaStatus s = c.getValue().replicaStatus().orElseThrow();
            assertThat(c.getValue().waitForApplied(s.retrievedGtid(), Duration.ofSeconds(3)))
                    .as("%s applied all it received", c.getKey()).isTrue();
            candidates.put(c.getKey(), c.getValue().gtidExecuted());
        }
        Gtid.Election<String> election = Gtid.mostAdvanced(candidates);
        long f1 = System.nanoTime();
        assertThat(election.chosen()).isEqualTo("db-3");
        assertThat(election.safe()).isTrue();
        r3.execute(D.promote());
        long f2 = System.nanoTime();
        r2.execute(D.replicateFrom(Source.of("db-3", "repl", REPL_PW)));
        long f3 = System.nanoTime();
        log("PROMOTION: elected %s at %s over %s in %d ms (wait for applied + GTID), promoted (writable) in %d ms,"
                + " db-2 re-pointed in %d ms; total %d ms", election.chosen(), election.position(), candidates,
                (f1 - f0) / 1_000_000, (f2 - f1) / 1_000_000, (f3 - f2) / 1_000_000, (f3 - f0) / 1_000_000);
        assertThat(r3.readOnly()).isFalse();
        assertThat(r3.replicaStatus()).isEmpty();

        // ---- a write on the new primary reaches the re-pointed replica -------------------------------------------
        SqlNode app3 = connect(db3, "app", APP_PW);
        app3.execute(List.of("INSERT INTO shop.orders (note) VALUES ('after failover')"));
        var all = new String[] {"first", "semi-sync", "second", "third", "fourth", "after failover"};
        awaitNotes(r2, all);
        eventually("db-2 replicates from db-3", () -> r2.replicaStatus()
                .map(s -> s.replicating() && s.sourceHost().equals("db-3")).orElse(false));
        assertThat(r2.gtidExecuted()).isEqualTo(r3.gtidExecuted());
        log("db-2 replicates from db-3: %s", r2.replicaStatus().orElseThrow());

        // ---- the old primary comes back: read-only, behind the new one, fenced and rejoined as a replica --------
        t = System.nanoTime();
        engine.start(db1.id());
        awaitHealthy(db1);
        log("db-1 restarted on its data in %d ms", ms(t));
        SqlNode old = root(db1);
        assertThat(old.readOnly()).as("the lost primary never comes back writable").isTrue();
        assertThat(old.gtidExecuted().relationTo(r3.gtidExecuted())).isEqualTo(Gtid.Relation.BEHIND);
        old.execute(D.rejoinAsReplica(Source.of("db-3", "repl", REPL_PW)));
        awaitNotes(old, all);
        eventually("db-1 replicates from db-3", () -> old.replicaStatus()
                .map(s -> s.replicating() && s.sourceHost().equals("db-3")).orElse(false));
        ReplicaStatus oldStatus = old.replicaStatus().orElseThrow();
        assertThat(D.parseGtid(oldStatus.executedGtid())).isEqualTo(r3.gtidExecuted());
        assertThat(old.readOnly()).isTrue();
        assertThatThrownBy(() -> connect(db1, "app", APP_PW).execute(List.of(
                "INSERT INTO shop.orders (note) VALUES ('on the old primary')"))).hasMessageContaining("read-only");
        log("db-1 rejoined as a replica of db-3: %s", oldStatus);

        eventually("both replicas acknowledge the new primary", () -> {
            var s = r3.semiSyncStatus();
            return s.sourceOn() && s.sourceClients() == 2;
        });
        // the promoted replica kept semi-sync as a source: with both replicas back, a commit is acknowledged
        long acknowledgedOnDb3 = r3.semiSyncStatus().acknowledged();
        app3.execute(List.of("INSERT INTO shop.orders (note) VALUES ('acknowledged by the new replicas')"));
        assertThat(r3.semiSyncStatus().acknowledged()).isEqualTo(acknowledgedOnDb3 + 1);
        log("semi-sync on the new primary: %s; whole scenario %d ms", r3.semiSyncStatus(), ms(started));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private Db create(String name, int index, ServerConfig config) throws IOException {
        var testLabels = Map.of(Labels.PROJECT, PROJECT, "scaler.test", "dbimages");
        String volume = PROJECT + "-" + name;
        engine.createVolume(new VolumeSpec(volume, testLabels));
        var labels = new HashMap<>(Labels.container(PROJECT, Tier.DATABASE, index, "database"));
        labels.put("scaler.test", "dbimages");
        var cnf = new ContainerFile(ServerImage.CONFIG_FILE,
                D.serverConfig(config.withSemiSync(SEMI_SYNC_TIMEOUT).withReportHost(name)), 0644);
        var test = new ArrayList<String>();
        test.add("CMD");
        test.addAll(ServerImage.HEALTH_CHECK);
        var check = new HealthCheck(test, Duration.ofMillis(250), Duration.ofSeconds(3), 3, Duration.ofSeconds(60));
        var secret = new ContainerFile(SecretFiles.path("db.root"), ROOT_PW, 0444);
        var env = Map.of(ServerImage.ROOT_PASSWORD + "_FILE", secret.path());
        int port = freePort();
        var spec = new ContainerSpec(PROJECT + "-" + name, Tier.DATABASE, index, IMAGE, List.of(), env,
                List.of(new PortBinding("127.0.0.1", port, ServerImage.PORT)), labels, Optional.of(check), List.of(),
                List.of(new Mount(volume, ServerImage.DATA_DIR)), List.of(cnf, secret), NETWORK, List.of(name));
        String id = engine.create(spec, env, Map.of(cnf.path(), cnf.content().getBytes(StandardCharsets.UTF_8),
                secret.path(), secret.content().getBytes(StandardCharsets.UTF_8)), "test");
        return new Db(name, id, port);
    }

    private void awaitHealthy(Db db) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Health h = engine.health(db.id());
            if (h == Health.HEALTHY) {
                return;
            }
            if (h.failed() || System.nanoTime() > deadline) {
                throw new AssertionError(db.name() + " is " + h + ":\n" + String.join("\n", engine.logs(db.id(), 30)));
            }
            sleep(50);
        }
    }

    private SqlNode root(Db db) throws SQLException {
        return connect(db, "root", ROOT_PW);
    }

    private SqlNode connect(Db db, String user, String password) throws SQLException {
        SqlNode node = SqlNode.connect(D, "127.0.0.1", db.port(), user, password, SQL_TIMEOUT);
        connections.add(node);
        return node;
    }

    private static void awaitNotes(SqlNode node, String... notes) {
        eventually(node.name() + " has " + List.of(notes), () -> node.query("SELECT note FROM shop.orders ORDER BY id")
                .stream().map(r -> r.get("note")).toList().equals(List.of(notes)));
    }

    @FunctionalInterface
    private interface Check {
        boolean ok() throws Exception;
    }

    /** Polls every 50 ms for at most 20 s; the last failure's message goes into the assertion error. */
    private static void eventually(String what, Check check) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
                last = "";
            } catch (Exception e) {
                last = e.getMessage();
            }
            sleep(50);
        }
        throw new AssertionError("not within 20 s: " + what + (last.isEmpty() ? "" : " (last error: " + last + ")"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private void log(String format, Object... args) {
        System.out.printf("[ReplicationIT +%6d ms] %s%n", ms(started), String.format(format, args));
    }
}
