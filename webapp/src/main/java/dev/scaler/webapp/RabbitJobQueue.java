package dev.scaler.webapp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes jobs on RabbitMQ with publisher confirms: persistent messages to the jobs queue, each waited for until the
 * broker confirms it (for a quorum queue: a majority of nodes has it) or {@link #CONFIRM_WAIT} passes. A channel is
 * not shared by two requests at once; idle ones are kept for the next.
 */
final class RabbitJobQueue implements JobQueue {
    /** How long a request waits for the broker's confirm before it answers 503. */
    static final Duration CONFIRM_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(RabbitJobQueue.class);

    private final Rabbit rabbit;
    private final AppMetrics metrics;
    private final ConcurrentLinkedQueue<Channel> idle = new ConcurrentLinkedQueue<>();
    // A broker short of memory or disk blocks publishers; a request then gets 503 at once instead of hanging.
    private volatile boolean blocked;

    private RabbitJobQueue(Rabbit rabbit, AppMetrics metrics) {
        this.rabbit = rabbit;
        this.metrics = metrics;
    }

    /** Connects in the background; until connected, publications are refused with 503. */
    static RabbitJobQueue start(QueueSettings settings, String instance, AppMetrics metrics) {
        Rabbit rabbit = new Rabbit(settings, "scaler-web-" + instance);
        RabbitJobQueue queue = new RabbitJobQueue(rabbit, metrics);
        rabbit.start(connection -> connection.addBlockedListener(new BlockedListener() {
            @Override
            public void handleBlocked(String reason) {
                LOG.warn("the job queue blocks publishers: {}", reason);
                queue.blocked = true;
            }

            @Override
            public void handleUnblocked() {
                LOG.info("the job queue takes publications again");
                queue.blocked = false;
            }
        }));
        return queue;
    }

    @Override
    public void publish(JobMessage message) {
        Connection connection = rabbit.connection()
                .orElseThrow(() -> new QueueUnavailableException("the job queue is not reachable"));
        if (blocked) {
            throw new QueueUnavailableException("the job queue blocks publishers (memory or disk alarm)");
        }
        Channel channel = borrow(connection);
        metrics.jobPublished();
        try {
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .deliveryMode(2).contentType("application/json").messageId(message.job()).build();
            channel.basicPublish("", rabbit.settings().queueName(), properties, message.toJson());
            channel.waitForConfirmsOrDie(CONFIRM_WAIT.toMillis());
            idle.add(channel);
            metrics.jobConfirmed();
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            // waitForConfirmsOrDie closed the channel on a timeout or a nack; a broken channel is not reused either.
            quietlyClose(channel);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new QueueUnavailableException("the job queue did not confirm the job within "
                    + CONFIRM_WAIT.toMillis() + " ms");
        }
    }

    private Channel borrow(Connection connection) {
        for (Channel channel = idle.poll(); channel != null; channel = idle.poll()) {
            if (channel.isOpen()) {
                return channel;
            }
        }
        try {
            Channel channel = connection.createChannel();
            if (channel == null) {
                throw new QueueUnavailableException("the job queue has no channel left");
            }
            channel.confirmSelect();
            return channel;
        } catch (IOException | RuntimeException e) {
            if (e instanceof QueueUnavailableException q) {
                throw q;
            }
            throw new QueueUnavailableException("the job queue is not reachable");
        }
    }

    private static void quietlyClose(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.debug("closing a publishing channel: {}", e.toString());
        }
    }

    @Override
    public void close() {
        rabbit.close();
    }
}
