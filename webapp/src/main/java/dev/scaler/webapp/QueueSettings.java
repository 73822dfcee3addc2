package dev.scaler.webapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the job queue is and how to reach it, from the SCALER_QUEUE_* env contract (docs/topology.md): a list of
 * RabbitMQ nodes (host:port, possibly through Toxiproxy), the credentials, the vhost, and the jobs queue's name and
 * type (quorum on a cluster of 3 or more nodes, classic otherwise; declared the same way by every client).
 */
record QueueSettings(List<Node> nodes, String user, String password, String vhost, String queueName, QueueType type) {
    static final int DEFAULT_PORT = 5672;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.-]{1,253}");
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

    /** One node of the cluster. */
    record Node(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** The jobs queue's kind: a Raft-replicated quorum queue, or a classic queue on one node. */
    enum QueueType {
        QUORUM, CLASSIC;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    QueueSettings {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a queue needs at least one node");
        }
    }

    /** Empty when SCALER_QUEUE_ADDRESSES is not set: the app then runs without a queue (POST /jobs answers 503). */
    static Optional<QueueSettings> fromEnv(Map<String, String> env, List<String> problems) {
        Optional<String> addresses = Config.value(env, "SCALER_QUEUE_ADDRESSES");
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.size();
        List<Node> nodes = new ArrayList<>();
        for (String part : addresses.get().split(",")) {
            parseNode(part.strip(), problems).ifPresent(nodes::add);
        }
        String user = Config.value(env, "SCALER_QUEUE_USER").orElse("guest");
        String password = Secret.read(env, "SCALER_QUEUE_PASSWORD", problems).orElse("guest");
        String vhost = Config.value(env, "SCALER_QUEUE_VHOST").orElse("/");
        String name = Config.value(env, "SCALER_QUEUE_NAME").orElse("jobs");
        if (!QUEUE_NAME.matcher(name).matches()) {
            problems.add("SCALER_QUEUE_NAME must be 1..255 characters of A-Z a-z 0-9 _ . : -, got '" + name + "'");
        }
        QueueType type = QueueType.CLASSIC;
        Optional<String> rawType = Config.value(env, "SCALER_QUEUE_TYPE");
        if (rawType.isPresent()) {
            switch (rawType.get()) {
                case "quorum" -> type = QueueType.QUORUM;
                case "classic" -> type = QueueType.CLASSIC;
                default -> problems.add("SCALER_QUEUE_TYPE must be quorum or classic, got '" + rawType.get() + "'");
            }
        }
        if (problems.size() > before || nodes.isEmpty()) {
            if (nodes.isEmpty() && problems.size() == before) {
                problems.add("SCALER_QUEUE_ADDRESSES must list host:port,... , got '" + addresses.get() + "'");
            }
            return Optional.empty();
        }
        return Optional.of(new QueueSettings(nodes, user, password, vhost, name, type));
    }

    private static Optional<Node> parseNode(String text, List<String> problems) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? text : text.substring(0, colon);
        int port = DEFAULT_PORT;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (!HOST.matcher(host).matches() || port < 1 || port > 65535) {
            problems.add("SCALER_QUEUE_ADDRESSES: '" + text + "' is not host:port (port 1..65535)");
            return Optional.empty();
        }
        return Optional.of(new Node(host, port));
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "QueueSettings[nodes=" + nodes + ", user=" + user + ", vhost=" + vhost + ", queue=" + queueName
                + ", type=" + type.label() + "]";
    }
}
