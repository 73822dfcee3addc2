package dev.scaler.plan;

import dev.scaler.topology.ImageProfile;
import dev.scaler.topology.Queue;
import dev.scaler.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RabbitMQ: {@code nodes} containers forming one cluster. Node 1 starts first; the others start once it is healthy and
 * join it at their first boot (RabbitMQ's classic peer discovery lists node 1 alone), so the cluster forms without a
 * race. Web replicas and workers start after every node is healthy: they declare the jobs queue on connecting, and a
 * quorum queue declared before the last node joined would never have it as a member.
 */
public final class QueueTier {
    /** AMQP 0-9-1. */
    public static final int PORT = 5672;
    /** The management plugin's HTTP API (monitoring, `up` declares the jobs queue through it). */
    public static final int MANAGEMENT_PORT = 15672;
    /** The user every client and scaler itself connect as. */
    public static final String USER = "scaler";
    /** The placeholder for that user's generated password. */
    public static final String PASSWORD = "${secret:queue.password}";
    /** The placeholder for the Erlang cookie the nodes of one cluster share. */
    static final String COOKIE = "${secret:queue.cookie}";
    /** The queue web replicas publish jobs to and workers consume from. */
    public static final String JOBS = "jobs";
    /** The virtual host of the jobs queue. */
    public static final String VHOST = "/";
    static final String CONF = "/etc/rabbitmq/conf.d/30-scaler.conf";
    static final String DATA = "/var/lib/rabbitmq";
    // Written by the offline image's entry point from RABBITMQ_DEFAULT_PASS_FILE, and by UPSTREAM_START in the official
    // image; after the official image's 10-defaults.conf (guest/guest), so it wins.
    private static final String USER_CONF = "/etc/rabbitmq/conf.d/20-default-user.conf";
    /**
     * The official image reads its user and cookie from the environment only; this puts the files scaler copies in
     * where RabbitMQ reads them, then starts the image's own entry point, which drops to the rabbitmq user.
     */
    static final String UPSTREAM_START = "install -o rabbitmq -g rabbitmq -m 0400 \"$RABBITMQ_ERLANG_COOKIE_FILE\" "
            + DATA + "/.erlang.cookie && (umask 077 && printf 'default_user = %s\\ndefault_pass = %s\\n' "
            + "\"$RABBITMQ_DEFAULT_USER\" \"$(cat \"$RABBITMQ_DEFAULT_PASS_FILE\")\" > " + USER_CONF + ") && chown "
            + "rabbitmq:rabbitmq " + USER_CONF + " && exec docker-entrypoint.sh rabbitmq-server";
    /**
     * One scheduler thread and no busy-waiting: the Erlang VM spins its schedulers by default, which costs each node a
     * core's worth of CPU on a small machine shared with the rest of the topology.
     */
    static final String ERL_ARGS = "+S 1:1 +sbwt none +sbwtdcpu none +sbwtdio none";
    /** Beyond this a node raises its memory alarm and blocks publishers (RabbitMQ's flow control). */
    static final String MEMORY_WATERMARK = "512MiB";

    private QueueTier() {
    }

    /** The container name of node {@code index}. */
    public static String node(String project, int index) {
        return project + "-queue-" + index;
    }

    /** The Erlang node name of node {@code index}: the container name resolves on the project's network. */
    public static String nodeName(String project, int index) {
        return "rabbit@" + node(project, index);
    }

    /** The queue type clients and scaler declare the jobs queue with. */
    public static String type(Queue q) {
        return q.quorum() ? "quorum" : "classic";
    }

    /**
     * The queue's containers and the SCALER_QUEUE_* contract for web replicas (dialled {@code webVia}); workers get
     * the same contract through {@link #clientEnv} with their own proxies.
     */
    static TierPlan plan(Topology t, Queue q, String network, Via webVia) {
        var containers = new ArrayList<ContainerSpec>();
        var volumes = new ArrayList<VolumeSpec>();
        for (int i = 1; i <= q.nodes(); i++) {
            String volume = node(t.name(), i) + "-data";
            volumes.add(new VolumeSpec(volume, Labels.project(t.name())));
            containers.add(spec(t, i, network, volume));
        }
        return new TierPlan(containers, volumes, clientEnv(t, q, webVia));
    }

    /** What a client of the jobs queue is told: every node's address (through its proxy when {@code via} has one). */
    static Map<String, String> clientEnv(Topology t, Queue q, Via via) {
        var addresses = new ArrayList<String>();
        for (int i = 1; i <= q.nodes(); i++) {
            addresses.add(via.address(node(t.name(), i), PORT));
        }
        var env = new LinkedHashMap<String, String>();
        env.put("SCALER_QUEUE_ADDRESSES", String.join(",", addresses));
        env.put("SCALER_QUEUE_USER", USER);
        env.put("SCALER_QUEUE_PASSWORD", PASSWORD);
        env.put("SCALER_QUEUE_NAME", JOBS);
        env.put("SCALER_QUEUE_TYPE", type(q));
        env.put("SCALER_QUEUE_VHOST", VHOST);
        return env;
    }

    /** Every node's container name: what web replicas and workers wait for. */
    static List<String> nodes(Topology t) {
        var out = new ArrayList<String>();
        t.queue().ifPresent(q -> {
            for (int i = 1; i <= q.nodes(); i++) {
                out.add(node(t.name(), i));
            }
        });
        return out;
    }

    private static ContainerSpec spec(Topology t, int index, String network, String volume) {
        String name = node(t.name(), index);
        var env = new LinkedHashMap<String, String>();
        env.put("RABBITMQ_NODENAME", nodeName(t.name(), index));
        env.put("RABBITMQ_DEFAULT_USER", USER);
        env.put("RABBITMQ_DEFAULT_PASS", PASSWORD);
        env.put("RABBITMQ_ERLANG_COOKIE", COOKIE);
        env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", ERL_ARGS);
        String conf = """
                # Generated by scaler. A blank node joins node 1 at its first boot; node 1 starts the cluster.
                cluster_formation.peer_discovery_backend = classic_config
                cluster_formation.classic_config.nodes.1 = %s
                vm_memory_high_watermark.absolute = %s
                # Queue depth and message rates in the management API (the official image turns them off).
                management_agent.disable_metrics_collector = false
                """.formatted(nodeName(t.name(), 1), MEMORY_WATERMARK);
        List<String> command = t.images() == ImageProfile.OFFLINE ? List.of("rabbitmq-server")
                : List.of("bash", "-c", UPSTREAM_START);
        // Both listeners open at the end of boot, after the node has joined its cluster: a cheap check (no Erlang CLI,
        // which costs a second of CPU per call) that still means "a member, serving".
        var check = new HealthCheck(List.of("CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + PORT
                + " && exec 4<>/dev/tcp/127.0.0.1/" + MANAGEMENT_PORT), Duration.ofSeconds(1), Duration.ofSeconds(2), 3,
                Duration.ofSeconds(60));
        return new ContainerSpec(name, Tier.QUEUE, index, Images.rabbitmq(t.images()), command, env, List.of(),
                Labels.container(t.name(), Tier.QUEUE, index, "node"), Optional.of(check),
                index == 1 ? List.of() : List.of(node(t.name(), 1)), List.of(new Mount(volume, DATA)),
                List.of(new ContainerFile(CONF, conf, 0644)), network, index == 1 ? List.of("queue") : List.of());
    }
}
