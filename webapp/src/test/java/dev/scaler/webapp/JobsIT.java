package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * Digest jobs end to end on the real servers: the web app publishing with confirms to RabbitMQ (scaler/rabbitmq),
 * the reference worker consuming and writing the result to MariaDB, sessions in Redis. The queue buffers while no
 * worker runs; a queue that is down makes POST /jobs answer 503 quickly while notes are served; when it is back,
 * web app and worker reconnect on their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsIT {
    private static final DockerImageName MARIADB = DockerImageName.parse("scaler/mariadb:offline");
    private static final DockerImageName REDIS = DockerImageName.parse("scaler/redis:offline");
    private static final DockerImageName RABBITMQ = DockerImageName.parse("scaler/rabbitmq:offline");
    private static final String SECRET = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private static final String APP_USER = "scaler";
    private static final String APP_PASSWORD = "app-" + SECRET;

    private static final List<AutoCloseable> CLEANUP = new ArrayList<>();
    private static DockerClient docker;
    private static GenericContainer<?> rabbit;
    private static Map<String, String> env;
    private static ApiClient web;
    private static WorkerMain worker;

    @BeforeAll
    static void start() throws Exception {
        docker = DockerSupport.require(JobsIT.class, MARIADB.asCanonicalNameString(), REDIS.asCanonicalNameString(),
                RABBITMQ.asCanonicalNameString());
        try {
            Network network = Network.builder()
                    .createNetworkCmdModifier(cmd -> cmd.withLabels(DockerSupport.labels(JobsIT.class))).build();
            CLEANUP.add(network);
            GenericContainer<?> redis = new GenericContainer<>(REDIS).withNetwork(network)
                    .withLabels(DockerSupport.labels(JobsIT.class)).withTmpFs(Map.of("/data", "rw"))
                    .withCommand("--save", "", "--appendonly", "no").withExposedPorts(6379)
                    .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1).withStartupTimeout(Duration.ofSeconds(60)));
            GenericContainer<?> db = new GenericContainer<>(MARIADB).withNetwork(network)
                    .withLabels(DockerSupport.labels(JobsIT.class)).withTmpFs(Map.of("/var/lib/mysql", "rw"))
                    .withEnv("MARIADB_ROOT_PASSWORD", "root-" + SECRET).withEnv("MARIADB_DATABASE", "scaler")
                    .withEnv("MARIADB_USER", APP_USER).withEnv("MARIADB_PASSWORD", APP_PASSWORD)
                    .withExposedPorts(3306)
                    .waitingFor(Wait.forLogMessage(".*port: 3306.*", 1).withStartupTimeout(Duration.ofSeconds(90)));
            // A fixed host port: the node is stopped and started again below and must come back where the clients look.
            int queuePort = DockerSupport.freePort();
            rabbit = new GenericContainer<>(RABBITMQ).withNetwork(network).withNetworkAliases("queue-1")
                    .withLabels(DockerSupport.labels(JobsIT.class)).withExposedPorts(5672)
                    .withCreateContainerCmdModifier(cmd -> cmd.withHostName("queue-1").getHostConfig().withPortBindings(
                            new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", queuePort), ExposedPort.tcp(5672))))
                    .waitingFor(Wait.forLogMessage(".*Server startup complete.*", 1).withStartupTimeout(Duration.ofSeconds(90)));
            for (GenericContainer<?> c : List.of(redis, db, rabbit)) {
                CLEANUP.add(c::stop);
            }
            Startables.deepStart(Stream.of(redis, db, rabbit)).join();

            env = new HashMap<>();
            env.put("SCALER_PORT", "0");
            env.put("SCALER_REDIS_URL", "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
            env.put("SCALER_DB_PRIMARY_URL", "jdbc:mariadb://127.0.0.1:" + db.getMappedPort(3306) + "/scaler");
            env.put("SCALER_DB_USER", APP_USER);
            env.put("SCALER_DB_PASSWORD", APP_PASSWORD);
            // The image lets guest in from other hosts (as the official image does); scaler's own user is set by up.
            env.put("SCALER_QUEUE_ADDRESSES", "127.0.0.1:" + queuePort);
            env.put("SCALER_QUEUE_NAME", "jobs");
            env.put("SCALER_QUEUE_TYPE", "classic");
            env.put("SCALER_WORKER_PREFETCH", "10");
            env.put("SCALER_WORKER_CONCURRENCY", "2");
            List<String> problems = new ArrayList<>();
            Application app = Application.start(Config.fromEnv(env, () -> "web-1"), QueueSettings.fromEnv(env, problems));
            assertThat(problems).isEmpty();
            CLEANUP.add(() -> app.stop(Duration.ZERO));
            assertThat(app.awaitSchema(Duration.ofSeconds(60))).isTrue();
            web = new ApiClient(app.port());
            worker = startWorker("worker-1");
        } catch (Throwable e) {
            cleanUp();
            throw e;
        }
    }

    private static WorkerMain startWorker(String name) throws Exception {
        Map<String, String> workerEnv = new HashMap<>(env);
        workerEnv.put("SCALER_INSTANCE", name);
        WorkerMain w = WorkerMain.start(WorkerSettings.fromEnv(workerEnv, () -> name));
        CLEANUP.add(() -> w.stop(Duration.ZERO));
        return w;
    }

    @AfterAll
    static void cleanUp() throws Exception {
        DockerSupport.closeAll(CLEANUP);
        if (docker != null) {
            DockerSupport.removeLeftovers(docker, JobsIT.class);
        }
    }

    /** POST /jobs until the web app has connected to the queue (in the background, after start); the 202's job id. */
    private static String submit(String note, String cookie) throws Exception {
        String[] id = new String[1];
        DockerSupport.eventually(Duration.ofSeconds(30), () -> {
            HttpResponse<String> r = web.post("/jobs", "{\"note\":\"" + note + "\"}", cookie);
            if (r.statusCode() == 202) {
                id[0] = ApiClient.json(r).get("id").asText();
            }
            return r.statusCode() == 202;
        });
        return id[0];
    }

    private static JsonNode awaitDone(String job, String cookie, Duration within) throws Exception {
        JsonNode[] done = new JsonNode[1];
        DockerSupport.eventually(within, () -> {
            done[0] = ApiClient.ok(web.get("/jobs/" + job, cookie), 200);
            return done[0].get("state").asText().equals("done");
        });
        return done[0];
    }

    @Test
    @Order(1)
    void aConfirmedJobIsDoneByTheWorkerAndShownOnce() throws Exception {
        String alice = web.login("alice");
        String note = web.create("hello queue world", alice).get("id").asText();

        String job = submit(note, alice);
        JsonNode done = awaitDone(job, alice, Duration.ofSeconds(10));

        assertThat(done.get("completions").asInt()).isEqualTo(1);
        assertThat(done.get("result").get("words").asInt()).isEqualTo(3);
        assertThat(done.get("result").get("sha256").asText()).isEqualTo(NoteDigest.of("hello queue world").sha256());
        assertThat(web.get("/jobs/" + job, web.login("mallory")).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void withNoWorkerTheQueueKeepsConfirmedJobsUntilOneComes() throws Exception {
        String bob = web.login("bob");
        String note = web.create("one two three four five", bob).get("id").asText();
        worker.stop(Duration.ofSeconds(2));

        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add(submit(note, bob));
        }
        Thread.sleep(500); // nobody consumes: they must still be queued
        for (String job : jobs) {
            assertThat(ApiClient.ok(web.get("/jobs/" + job, bob), 200).get("state").asText()).isEqualTo("queued");
        }

        worker = startWorker("worker-2");
        for (String job : jobs) {
            JsonNode done = awaitDone(job, bob, Duration.ofSeconds(30));
            assertThat(done.get("completions").asInt()).as("job %s done once", job).isEqualTo(1);
            assertThat(done.get("result").get("words").asInt()).isEqualTo(5);
        }
    }

    @Test
    @Order(3)
    void aQueueThatIsDownRefusesJobsQuicklyAndTheClientsComeBackWithIt() throws Exception {
        String carol = web.login("carol");
        String note = web.create("before the outage", carol).get("id").asText();
        docker.stopContainerCmd(rabbit.getContainerId()).withTimeout(10).exec();
        try {
            long start = System.nanoTime();
            HttpResponse<String> refused = web.post("/jobs", "{\"note\":\"" + note + "\"}", carol);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(ApiClient.json(refused).get("error").asText()).contains("job queue");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            // Every other journey goes on without the queue.
            String during = web.create("during the outage", carol).get("id").asText();
            assertThat(web.read(during, carol).get("text").asText()).isEqualTo("during the outage");
        } finally {
            docker.startContainerCmd(rabbit.getContainerId()).exec();
        }
        // The client's automatic recovery reconnects both the web app and the worker, which consumes again.
        String job = submit(note, carol);
        JsonNode done = awaitDone(job, carol, Duration.ofSeconds(30));
        assertThat(done.get("completions").asInt()).isEqualTo(1);
        assertThat(done.get("result").get("words").asInt()).isEqualTo(3);
    }
}
