package dev.scaler.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.engine.Engine;
import dev.scaler.plan.QueueTier;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RabbitMQ's management API, asked from inside a queue node (bash's /dev/tcp to 127.0.0.1:15672 with the password
 * file the node was given), so scaler needs neither a published port nor the password, and no Erlang CLI (which costs
 * a second of CPU per call) runs. Answers are parsed by {@link #nodes(String)} and {@link #queue(String)}.
 */
public final class QueueApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    // $1 method, $2 path, $3 body. HTTP/1.0: the server closes after its answer, so `cat` reads it whole.
    private static final String REQUEST = "exec 3<>/dev/tcp/127.0.0.1/" + QueueTier.MANAGEMENT_PORT
            + " && auth=$(printf '%s:%s' \"$RABBITMQ_DEFAULT_USER\" \"$(cat \"$RABBITMQ_DEFAULT_PASS_FILE\")\" | base64 -w0)"
            + " && printf '%s %s HTTP/1.0\\r\\nHost: localhost\\r\\nAuthorization: Basic %s\\r\\n"
            + "Content-Type: application/json\\r\\nContent-Length: %s\\r\\n\\r\\n%s' \"$1\" \"$2\" \"$auth\" \"${#3}\" \"$3\" >&3"
            + " && cat <&3";
    /** The jobs queue's path in the API (the default vhost is written %2F). */
    public static final String JOBS_PATH = "/api/queues/%2F/" + QueueTier.JOBS;

    /** One cluster member as the API lists it. */
    public record Node(String name, boolean running, long memoryUsed, long memoryLimit, boolean memoryAlarm,
            boolean diskAlarm) {
    }

    /** The jobs queue: who leads it, its members, its depth and its rates (messages per second). */
    public record Jobs(String type, Optional<String> leader, List<String> members, long ready, long unacked,
            int consumers, double publishRate, double deliverRate, double ackRate) {
        public Jobs {
            members = List.copyOf(members);
        }
    }

    /** An HTTP answer: status and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final Engine engine;
    private final String container;

    /** The API of the node running in {@code container} (an id or name). */
    public QueueApi(Engine engine, String container) {
        this.engine = engine;
        this.container = container;
    }

    /** The cluster's members; empty when the node does not answer. */
    public Optional<List<Node>> nodes() {
        return call("GET", "/api/nodes", "").filter(Answer::ok).flatMap(a -> nodes(a.body()));
    }

    /** The jobs queue; empty when it does not exist or the node does not answer. */
    public Optional<Jobs> jobs() {
        return call("GET", JOBS_PATH, "").filter(Answer::ok).flatMap(a -> queue(a.body()));
    }

    /** Declares the jobs queue (durable, of that type); true when it exists so declared afterwards. */
    public boolean declareJobs(String type) {
        String body = "{\"durable\":true,\"auto_delete\":false,\"arguments\":{\"x-queue-type\":\"" + type + "\"}}";
        return call("PUT", JOBS_PATH, body).map(Answer::ok).orElse(false);
    }

    private Optional<Answer> call(String method, String path, String body) {
        var exec = engine.exec(container, List.of("bash", "-c", REQUEST, "queue-api", method, path, body), TIMEOUT);
        return exec.ok() ? answer(exec.output()) : Optional.empty();
    }

    /** Status and body of a raw HTTP/1.0 answer. */
    static Optional<Answer> answer(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String[] status = raw.split(" ", 3);
        if (end < 0 || status.length < 2 || !status[0].startsWith("HTTP/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Answer(Integer.parseInt(status[1].trim()), raw.substring(end + 4)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The members in a GET /api/nodes body. */
    public static Optional<List<Node>> nodes(String body) {
        return tree(body).filter(JsonNode::isArray).map(array -> {
            var out = new ArrayList<Node>();
            array.forEach(n -> out.add(new Node(n.path("name").asText(), n.path("running").asBoolean(false),
                    n.path("mem_used").asLong(0), n.path("mem_limit").asLong(0), n.path("mem_alarm").asBoolean(false),
                    n.path("disk_free_alarm").asBoolean(false))));
            return out;
        });
    }

    /** The queue in a GET /api/queues/VHOST/NAME body (RabbitMQ 3.10 to 3.13 name the fields alike). */
    public static Optional<Jobs> queue(String body) {
        return tree(body).filter(JsonNode::isObject).map(q -> {
            var members = new ArrayList<String>();
            q.path("members").forEach(m -> members.add(m.asText()));
            String leader = q.path("leader").asText(q.path("node").asText(""));
            JsonNode stats = q.path("message_stats");
            return new Jobs(q.path("type").asText("classic"), leader.isEmpty() ? Optional.empty() : Optional.of(leader),
                    members, q.path("messages_ready").asLong(0), q.path("messages_unacknowledged").asLong(0),
                    q.path("consumers").asInt(0), rate(stats, "publish_details"), rate(stats, "deliver_get_details"),
                    rate(stats, "ack_details"));
        });
    }

    private static double rate(JsonNode stats, String field) {
        return stats.path(field).path("rate").asDouble(0);
    }

    private static Optional<JsonNode> tree(String body) {
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
