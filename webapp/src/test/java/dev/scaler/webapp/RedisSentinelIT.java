package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * Redis primary + replica + 3 sentinels from the offline image (Debian's redis-server, whose
 * binary runs as a sentinel with --sentinel; the image has no separate redis-sentinel). The app
 * finds the master through the sentinels; the primary is killed; sessions made before are still
 * valid on the promoted replica, with no restart of the app.
 *
 * <p>Sentinels hand out container addresses, so the app (in this JVM) reaches the containers by
 * their IPs on the test network, as a web replica on the topology's network would.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RedisSentinelIT {
    private static final DockerImageName REDIS = DockerImageName.parse("scaler/redis:offline");
    private static final String PASSWORD = "it-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private static final String MASTER = "mymaster";
    /** Sentinel's down-after-milliseconds: how long the primary must be silent before a failover starts. */
    private static final int DOWN_AFTER_MILLIS = 1000;
    /** Failover budget: detection, election, promotion and the client's switch, with room for a slow machine. */
    private static final Duration FAILOVER_WITHIN = Duration.ofSeconds(20);

    private static final List<AutoCloseable> CLEANUP = new ArrayList<>();
    private static DockerClient docker;
    private static GenericContainer<?> primary;
    private static GenericContainer<?> replica;
    private static final List<GenericContainer<?>> SENTINELS = new ArrayList<>();

    @BeforeAll
    static void startRedisWithSentinels() throws Exception {
        docker = DockerSupport.require(RedisSentinelIT.class, REDIS.asCanonicalNameString());
        try {
            Network network = Network.builder()
                    .createNetworkCmdModifier(cmd -> cmd.withLabels(DockerSupport.labels(RedisSentinelIT.class)))
                    .build();
            CLEANUP.add(network);

            primary = redis(network, "redis-1");
            CLEANUP.add(primary::stop);
            primary.start();
            String primaryIp = ip(primary);

            replica = redis(network, "redis-2", "--replicaof", primaryIp, "6379");
            CLEANUP.add(replica::stop);
            for (int i = 1; i <= 3; i++) {
                GenericContainer<?> sentinel = sentinel(network, "sentinel-" + i, primaryIp);
                CLEANUP.add(sentinel::stop);
                SENTINELS.add(sentinel);
            }
            Startables.deepStart(Stream.concat(Stream.of(replica), SENTINELS.stream())).join();

            // A failover needs a majority of sentinels that know each other and the replica.
            DockerSupport.eventually(Duration.ofSeconds(30), () -> SENTINELS.stream().allMatch(s -> {
                String quorum = sentinelCli(s, "SENTINEL", "CKQUORUM", MASTER);
                String replicas = sentinelCli(s, "SENTINEL", "REPLICAS", MASTER);
                return quorum.startsWith("OK 3 usable") && replicas.contains(ip(replica)) && !replicas.contains("s_down");
            }));
        } catch (Throwable e) {
            cleanUp();
            throw e;
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (AutoCloseable resource : CLEANUP.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("cleanup: " + e);
            }
        }
        CLEANUP.clear();
        SENTINELS.clear();
        if (docker != null) {
            DockerSupport.removeLeftovers(docker, RedisSentinelIT.class);
        }
    }

    @Test
    void sessionsMadeBeforeAFailoverStayValidAfterIt() throws Exception {
        String sentinels = String.join(",", SENTINELS.stream().map(s -> ip(s) + ":26379").toList());
        Application app = Application.start(Config.fromEnv(Map.of(
                "SCALER_PORT", "0",
                "SCALER_INSTANCE", "web-sentinel",
                "SCALER_REDIS_SENTINELS", sentinels,
                "SCALER_REDIS_MASTER", MASTER,
                "SCALER_REDIS_PASSWORD", PASSWORD), () -> "h"));
        CLEANUP.add(() -> app.stop(Duration.ZERO));
        ApiClient api = new ApiClient(app.port());

        Map<String, String> cookies = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            cookies.put("user-" + i, api.login("user-" + i));
        }
        for (var session : cookies.entrySet()) {
            assertThat(api.get("/me", session.getValue()).body()).contains("\"user\":\"" + session.getKey() + "\"");
        }
        // Asynchronous replication: a session written a moment before the crash may be lost with the
        // primary. The test asks for the ones that reached the replica, and checks that they did.
        List<String> keys = cookies.values().stream().map(c -> RedisSessionStore.KEY_PREFIX + c.substring(c.indexOf('=') + 1)).toList();
        try {
            DockerSupport.eventually(Duration.ofSeconds(10), () -> redisCli(replica, concat("EXISTS", keys)).equals("20"));
        } catch (AssertionError e) {
            throw new AssertionError("sessions did not reach the replica: EXISTS says " + redisCli(replica, concat("EXISTS", keys))
                    + "\n" + redisCli(replica, List.of("INFO", "replication")) + "\nreplica log:\n" + tail(replica.getLogs()), e);
        }

        docker.killContainerCmd(primary.getContainerId()).exec();
        long killed = System.nanoTime();

        String first = cookies.values().iterator().next();
        int failures = 0;
        Duration took;
        while (true) {
            HttpResponse<String> me = api.get("/me", first);
            took = Duration.ofNanos(System.nanoTime() - killed);
            if (me.statusCode() == 200) {
                break;
            }
            assertThat(me.statusCode()).as("during the failover: %s", me.body()).isEqualTo(503);
            assertThat(took).as("sessions back within %s", FAILOVER_WITHIN).isLessThan(FAILOVER_WITHIN);
            failures++;
            Thread.sleep(100);
        }
        System.out.printf("RedisSentinelIT: sessions answered again %d ms after the primary was killed (%d requests got 503)%n",
                took.toMillis(), failures);

        for (var session : cookies.entrySet()) {
            HttpResponse<String> me = api.get("/me", session.getValue());
            assertThat(me.statusCode()).as("session of %s after the failover", session.getKey()).isEqualTo(200);
            assertThat(me.body()).contains("\"user\":\"" + session.getKey() + "\"");
        }
        String after = api.login("after-failover");
        assertThat(api.get("/me", after).statusCode()).isEqualTo(200);
        assertThat(sentinelCli(SENTINELS.get(0), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER)).contains(ip(replica));
        assertThat(redisCli(replica, List.of("ROLE"))).startsWith("master");
    }

    private static GenericContainer<?> redis(Network network, String alias, String... extra) {
        List<String> args = new ArrayList<>(List.of("--requirepass", PASSWORD, "--masterauth", PASSWORD,
                "--save", "", "--appendonly", "no",
                // The first full sync otherwise waits 5 s for more replicas to share the transfer.
                "--repl-diskless-sync-delay", "0",
                // A replica writes the full sync to a temp file in its directory; the tmpfs /data is root's.
                "--dir", "/tmp"));
        args.addAll(List.of(extra));
        return new GenericContainer<>(REDIS)
                .withNetwork(network)
                .withNetworkAliases(alias)
                .withLabels(DockerSupport.labels(RedisSentinelIT.class))
                // tmpfs over the image's VOLUME /data, so no anonymous volume outlives the test.
                .withTmpFs(Map.of("/data", "rw"))
                .withCommand(args.toArray(String[]::new))
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1).withStartupTimeout(Duration.ofSeconds(60)));
    }

    private static GenericContainer<?> sentinel(Network network, String alias, String primaryIp) {
        // Sentinel rewrites its config file, so it is written at start into a writable place.
        String config = String.join("\\n",
                "port 26379",
                "protected-mode no",
                "sentinel monitor " + MASTER + " " + primaryIp + " 6379 2",
                "sentinel auth-pass " + MASTER + " " + PASSWORD,
                "sentinel down-after-milliseconds " + MASTER + " " + DOWN_AFTER_MILLIS,
                "sentinel failover-timeout " + MASTER + " 5000",
                "sentinel parallel-syncs " + MASTER + " 1");
        return new GenericContainer<>(REDIS)
                .withNetwork(network)
                .withNetworkAliases(alias)
                .withLabels(DockerSupport.labels(RedisSentinelIT.class))
                .withCommand("sh", "-c", "printf '" + config + "\\n' > /tmp/sentinel.conf && exec redis-server /tmp/sentinel.conf --sentinel")
                .waitingFor(Wait.forLogMessage(".*\\+monitor master.*", 1).withStartupTimeout(Duration.ofSeconds(60)));
    }

    private static String ip(GenericContainer<?> container) {
        return container.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
    }

    private static String sentinelCli(GenericContainer<?> sentinel, String... command) {
        List<String> args = new ArrayList<>(List.of("redis-cli", "-p", "26379"));
        args.addAll(List.of(command));
        return exec(sentinel, args);
    }

    private static String redisCli(GenericContainer<?> redis, List<String> command) {
        List<String> args = new ArrayList<>(List.of("redis-cli", "--no-auth-warning", "-a", PASSWORD));
        args.addAll(command);
        return exec(redis, args);
    }

    private static String exec(GenericContainer<?> container, List<String> args) {
        try {
            ExecResult result = container.execInContainer(args.toArray(String[]::new));
            return result.getStdout().trim();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
