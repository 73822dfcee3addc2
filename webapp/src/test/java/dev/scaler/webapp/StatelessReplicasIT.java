package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * Two app replicas in this JVM share one real Redis (the offline image, with a password):
 * a session made on one is honoured by the other, and a Redis outage costs sessions but not liveness.
 * The last tests pause and then stop Redis, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StatelessReplicasIT {
    private static final String IMAGE = "scaler/redis:offline";
    private static final String PASSWORD = "it-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<AutoCloseable> CLEANUP = new ArrayList<>();

    private static GenericContainer<?> redis;
    private static RedisEndpoint endpoint;
    private static WebApp web1;
    private static WebApp web2;

    @BeforeAll
    static void startRedisAndTwoReplicas() throws IOException {
        DockerClient docker = DockerSupport.require(StatelessReplicasIT.class, IMAGE);
        InspectImageResponse image = docker.inspectImageCmd(IMAGE).exec();

        redis = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withLabels(DockerSupport.labels(StatelessReplicasIT.class))
                // tmpfs over the image's VOLUME /data, so no anonymous volume outlives the test.
                .withTmpFs(Map.of("/data", "rw"))
                .withCommand(redisCommand(image))
                .withExposedPorts(6379)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1)
                        .withStartupTimeout(Duration.ofSeconds(60)));
        redis.start();
        CLEANUP.add(redis::stop);
        endpoint = new RedisEndpoint(redis.getHost(), redis.getMappedPort(6379));

        web1 = startReplica("web-1", Optional.of(PASSWORD));
        web2 = startReplica("web-2", Optional.of(PASSWORD));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        // Last in, first out: the apps stop before the Redis they talk to.
        for (AutoCloseable resource : CLEANUP.reversed()) {
            try {
                resource.close();
            } catch (RuntimeException e) {
                System.err.println("cleanup: " + e);
            }
        }
        CLEANUP.clear();
    }

    @Test
    @Order(1)
    void sessionMadeOnOneReplicaIsHonouredByTheOther() throws Exception {
        HttpResponse<String> login = post(web1, "/login", "user=alice", "");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).isEqualTo("{\"user\":\"alice\",\"instance\":\"web-1\"}");
        String cookie = sessionCookie(login);

        HttpResponse<String> onWeb1 = get(web1, "/me", cookie);
        HttpResponse<String> onWeb2 = get(web2, "/me", cookie);

        assertThat(onWeb1.statusCode()).isEqualTo(200);
        assertThat(onWeb1.body()).isEqualTo("{\"user\":\"alice\",\"instance\":\"web-1\"}");
        assertThat(onWeb2.statusCode()).isEqualTo(200);
        assertThat(onWeb2.body()).isEqualTo("{\"user\":\"alice\",\"instance\":\"web-2\"}");
        assertThat(onWeb2.headers().firstValue(Router.INSTANCE_HEADER)).contains("web-2");
    }

    @Test
    @Order(2)
    void sessionIsStoredAsJsonWithASlidingThirtyMinuteTtl() throws Exception {
        String cookie = sessionCookie(post(web1, "/login", "{\"user\":\"bob\"}", "", "application/json"));
        String key = RedisSessionStore.KEY_PREFIX + cookie.substring(cookie.indexOf('=') + 1);

        try (RedisClient direct = directClient()) {
            assertThat(direct.get(key)).contains("\"user\":\"bob\"").contains("\"createdAt\":\"");
            assertThat(direct.ttl(key)).isBetween(1700L, 1800L);

            direct.expire(key, 60);
            assertThat(get(web2, "/me", cookie).statusCode()).isEqualTo(200);
            assertThat(direct.ttl(key)).as("using the session refreshes its TTL").isGreaterThan(1700L);

            direct.set(key, "not json");
            assertThat(get(web1, "/me", cookie).statusCode()).as("an unreadable session is no session").isEqualTo(401);
        }
    }

    @Test
    @Order(3)
    void logoutOnOneReplicaEndsTheSessionOnBoth() throws Exception {
        String cookie = sessionCookie(post(web1, "/login", "user=carol", ""));

        HttpResponse<String> logout = post(web2, "/logout", "", cookie);

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(get(web1, "/me", cookie).statusCode()).isEqualTo(401);
        assertThat(get(web2, "/me", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void meWithoutCookieIs401() throws Exception {
        HttpResponse<String> me = get(web1, "/me", "");

        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.body()).isEqualTo("{\"error\":\"not logged in\"}");
    }

    @Test
    @Order(5)
    void wrongRedisPasswordIs503NotACrash() throws Exception {
        WebApp wrong = startReplica("web-wrong-password", Optional.of("not-the-password"));

        assertThat(post(wrong, "/login", "user=dave", "").statusCode()).isEqualTo(503);
        assertThat(get(wrong, "/healthz", "").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void connectionsKilledByRedisAreReplacedWithoutFailingARequest() throws Exception {
        String cookie = sessionCookie(post(web1, "/login", "user=heidi", ""));
        assertThat(get(web2, "/me", cookie).statusCode()).isEqualTo(200); // web2 now holds a pooled connection

        // What a Redis restart or failover does to every pooled connection, without moving the mapped port.
        var killed = redis.execInContainer("redis-cli", "-a", PASSWORD, "--no-auth-warning", "CLIENT", "KILL", "TYPE", "normal");
        assertThat(killed.getExitCode()).as(killed.getStderr()).isZero();

        assertThat(get(web2, "/me", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(90)
    void pausedRedisFailsSessionsFastButNotLivenessAndRecovers() throws Exception {
        String cookie = sessionCookie(post(web1, "/login", "user=erin", ""));
        DockerClient docker = redis.getDockerClient();

        docker.pauseContainerCmd(redis.getContainerId()).exec();
        try {
            assertThat(get(web1, "/healthz", "").statusCode()).isEqualTo(200);

            long started = System.nanoTime();
            HttpResponse<String> me = get(web2, "/me", cookie);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(me.statusCode()).isEqualTo(503);
            assertThat(me.body()).isEqualTo("{\"error\":\"session store unavailable\"}");
            // One socket timeout (1 s), not two: see the commons-pool2 pin in webapp/pom.xml.
            assertThat(took).as("a stalled Redis must fail fast").isLessThan(Duration.ofMillis(1900));
            assertThat(get(web2, "/healthz", "").statusCode()).isEqualTo(200);
        } finally {
            docker.unpauseContainerCmd(redis.getContainerId()).exec();
        }

        assertThat(eventuallyStatus(web2, "/me", cookie, 200, Duration.ofSeconds(10)))
                .as("sessions survive the pause").isEqualTo(200);
    }

    @Test
    @Order(99)
    void stoppedRedisFailsSessionsButNotLiveness() throws Exception {
        String cookie = sessionCookie(post(web1, "/login", "user=frank", ""));

        redis.getDockerClient().stopContainerCmd(redis.getContainerId()).withTimeout(2).exec();

        assertThat(get(web1, "/healthz", "").statusCode()).isEqualTo(200);
        assertThat(get(web2, "/whoami", "").statusCode()).isEqualTo(200);
        HttpResponse<String> me = get(web1, "/me", cookie);
        assertThat(me.statusCode()).isEqualTo(503);
        assertThat(me.body()).isEqualTo("{\"error\":\"session store unavailable\"}");
        assertThat(post(web2, "/login", "user=grace", "").statusCode()).isEqualTo(503);
    }

    private static WebApp startReplica(String instance, Optional<String> password) throws IOException {
        SessionStore sessions = RedisSessionStore.connect(endpoint, password);
        CLEANUP.add(sessions);
        WebApp app = WebApp.start(new Config(0, instance, "dc1", endpoint, password), sessions);
        CLEANUP.add(() -> app.stop(Duration.ZERO));
        return app;
    }

    private static RedisClient directClient() {
        return RedisClient.builder()
                .hostAndPort(endpoint.host(), endpoint.port())
                .clientConfig(DefaultJedisClientConfig.builder().password(PASSWORD).build())
                .build();
    }

    // The image may run redis-server as its entrypoint or expect it as the command; arguments fit either.
    private static String[] redisCommand(InspectImageResponse image) {
        List<String> args = List.of(
                "--requirepass", PASSWORD,
                "--bind", "0.0.0.0",
                "--port", "6379",
                "--save", "",
                "--appendonly", "no");
        String[] entrypoint = Optional.ofNullable(image.getConfig()).map(c -> c.getEntrypoint()).orElse(new String[0]);
        boolean entrypointIsRedis = Arrays.stream(entrypoint).anyMatch(part -> part.endsWith("redis-server"));
        List<String> command = new ArrayList<>();
        if (!entrypointIsRedis) {
            command.add("redis-server");
        }
        command.addAll(args);
        return command.toArray(String[]::new);
    }

    private static int eventuallyStatus(WebApp app, String path, String cookie, int wanted, Duration within)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int status;
        do {
            status = get(app, path, cookie).statusCode();
            if (status == wanted) {
                break;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }

    private static HttpResponse<String> get(WebApp app, String path, String cookie) throws IOException, InterruptedException {
        return send(request(app, path, cookie).GET());
    }

    private static HttpResponse<String> post(WebApp app, String path, String body, String cookie)
            throws IOException, InterruptedException {
        return post(app, path, body, cookie, "application/x-www-form-urlencoded");
    }

    private static HttpResponse<String> post(WebApp app, String path, String body, String cookie, String contentType)
            throws IOException, InterruptedException {
        return send(request(app, path, cookie)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder request(WebApp app, String path, String cookie) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (!cookie.isEmpty()) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> login) {
        assertThat(login.statusCode()).as("login answered %s", login.body()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
