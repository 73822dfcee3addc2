package dev.scaler.webapp;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the app and the worker connect to RabbitMQ: the client's automatic recovery (a node that dies is
 * replaced by another of the list, channels and consumers come back), short timeouts so a dead queue is noticed in
 * seconds, and the jobs queue declared on every (re)connection with the same arguments as scaler declares it.
 * The first connection is made in the background, retried every second, so nothing waits for the queue to start.
 */
final class Rabbit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rabbit.class);
    static final int CONNECT_TIMEOUT_MS = 2000;
    // Seconds; a node that stops answering (paused, partitioned) is given up after about two of these.
    static final int HEARTBEAT_SECONDS = 3;
    static final long RETRY_MS = 1000;

    private final QueueSettings settings;
    private final ConnectionFactory factory = new ConnectionFactory();
    private final String clientName;
    private volatile Optional<Connection> connection = Optional.empty();
    private volatile boolean closed;
    private Thread connector;

    Rabbit(QueueSettings settings, String clientName) {
        this.settings = settings;
        this.clientName = clientName;
        factory.setUsername(settings.user());
        factory.setPassword(settings.password());
        factory.setVirtualHost(settings.vhost());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(RETRY_MS);
        factory.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        factory.setHandshakeTimeout(CONNECT_TIMEOUT_MS);
        factory.setRequestedHeartbeat(HEARTBEAT_SECONDS);
    }

    /** Starts connecting in the background; {@code onConnected} runs once, with the first connection. */
    Rabbit start(Consumer<Connection> onConnected) {
        connector = Thread.ofVirtual().name("scaler-queue-connect").start(() -> connect(onConnected));
        return this;
    }

    private void connect(Consumer<Connection> onConnected) {
        List<Address> addresses = settings.nodes().stream().map(n -> new Address(n.host(), n.port())).toList();
        boolean warned = false;
        while (!closed) {
            try {
                Connection c = factory.newConnection(addresses, clientName);
                declare(c);
                connection = Optional.of(c);
                LOG.info("connected to the job queue {} on {}", settings.queueName(), c.getAddress());
                onConnected.accept(c);
                return;
            } catch (IOException | TimeoutException | RuntimeException e) {
                if (!warned) {
                    LOG.info("job queue {} not reachable yet ({}); retrying every {} ms", settings.nodes(), e.toString(), RETRY_MS);
                    warned = true;
                }
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * The jobs queue, durable, of the configured type: a second declaration with the same arguments is a no-op. A
     * queue that exists with other arguments (declared by an older scaler or by hand) is used as it is, with a warning:
     * refusing to work would lose more than a differing argument does.
     */
    void declare(Connection c) throws IOException, TimeoutException {
        // The arguments scaler's `up` declares it with, classic named too: the same arguments are a no-op.
        Map<String, Object> arguments = Map.of("x-queue-type", settings.type().label());
        try (Channel channel = c.createChannel()) {
            channel.queueDeclare(settings.queueName(), true, false, false, arguments);
        } catch (IOException e) {
            if (!(e.getCause() instanceof ShutdownSignalException signal) || !signal.getMessage().contains("406")) {
                throw e;
            }
            LOG.warn("the job queue {} exists with other arguments than {}: using it as it is ({})",
                    settings.queueName(), arguments, signal.getMessage());
            try (Channel channel = c.createChannel()) {
                channel.queueDeclarePassive(settings.queueName());
            }
        }
    }

    /** The open connection; empty before the first one and while the client recovers from a lost node. */
    Optional<Connection> connection() {
        return connection.filter(Connection::isOpen);
    }

    QueueSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        closed = true;
        if (connector != null) {
            connector.interrupt();
        }
        connection.ifPresent(c -> {
            try {
                c.close(CONNECT_TIMEOUT_MS);
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing the queue connection: {}", e.toString());
            }
        });
    }
}
