package dev.scaler.webapp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference worker's consumer: takes jobs from the queue with manual acks, at most {@code prefetch} unacked at
 * once, works on {@code concurrency} of them at a time, and acks each only after its result is stored. A lost queue
 * node is the client's automatic recovery's business (it reconnects to another node and consumes again); a
 * consumer the broker cancels (its queue moved or was re-created) subscribes again. Stopping cancels the
 * subscription, lets jobs in hand finish within the grace, and returns the rest to the queue.
 */
final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    // A job whose shard does not answer goes back to the queue after this pause, not in a hot loop.
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Rabbit rabbit;
    private final JobProcessor processor;
    private final WorkerMetrics metrics;
    private final int prefetch;
    private final ExecutorService pool;
    private final String tag;
    private volatile boolean stopping;
    private volatile Channel channel;

    Worker(Rabbit rabbit, JobProcessor processor, WorkerMetrics metrics, int prefetch, int concurrency, String instance) {
        this.rabbit = rabbit;
        this.processor = processor;
        this.metrics = metrics;
        this.prefetch = prefetch;
        this.pool = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().name("scaler-job-", 0).factory());
        this.tag = "scaler-worker-" + instance;
    }

    /** Connects in the background and consumes from then on. */
    Worker start() {
        rabbit.start(this::consume);
        return this;
    }

    private void consume(Connection connection) {
        try {
            Channel c = connection.createChannel();
            c.basicQos(prefetch);
            channel = c;
            subscribe(c);
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot consume from the job queue; the worker retries in {} ms", Rabbit.RETRY_MS, e);
            retryLater(() -> consume(connection));
        }
    }

    private void subscribe(Channel c) throws IOException {
        c.basicConsume(rabbit.settings().queueName(), false, tag, new DefaultConsumer(c) {
            @Override
            public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                metrics.started();
                try {
                    pool.execute(() -> handle(c, envelope.getDeliveryTag(), body));
                } catch (RejectedExecutionException e) {
                    // Stopping: a delivery already on its way when the subscription was cancelled goes back.
                    settle(c, envelope.getDeliveryTag(), false);
                    metrics.finished("requeued", 0);
                }
            }

            @Override
            public void handleCancel(String consumerTag) {
                // The broker ended the subscription (e.g. the queue was deleted and declared again): subscribe again.
                if (!stopping) {
                    LOG.warn("the job queue cancelled this worker's subscription; subscribing again");
                    retryLater(() -> resubscribe(c));
                }
            }
        });
        LOG.info("consuming {} with prefetch {}", rabbit.settings().queueName(), prefetch);
    }

    private void resubscribe(Channel c) {
        try {
            subscribe(c);
        } catch (IOException | RuntimeException e) {
            LOG.warn("subscribing again failed ({}); retrying", e.toString());
            retryLater(() -> resubscribe(c));
        }
    }

    private void retryLater(Runnable action) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Rabbit.RETRY_MS);
                if (!stopping) {
                    action.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void handle(Channel c, long deliveryTag, byte[] body) {
        long start = System.nanoTime();
        if (stopping) {
            settle(c, deliveryTag, false);
            metrics.finished("requeued", System.nanoTime() - start);
            return;
        }
        JobProcessor.Outcome outcome = processor.process(body);
        if (outcome == JobProcessor.Outcome.RETRY) {
            pause();
            settle(c, deliveryTag, false);
            metrics.finished("requeued", System.nanoTime() - start);
        } else {
            settle(c, deliveryTag, true);
            metrics.finished(outcome.name().toLowerCase(Locale.ROOT), System.nanoTime() - start);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Acks, or returns the job to the queue; on a channel that died meanwhile the broker has requeued it already. */
    private static void settle(Channel c, long deliveryTag, boolean ack) {
        try {
            // One channel, several job threads: the client's frames for one channel must not interleave.
            synchronized (c) {
                if (ack) {
                    c.basicAck(deliveryTag, false);
                } else {
                    c.basicNack(deliveryTag, false, true);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("settling delivery {} failed ({}); the broker requeues it with the channel", deliveryTag, e.toString());
        }
    }

    /** Stops taking jobs, finishes those in hand within {@code grace}, returns the others to the queue, disconnects. */
    void stop(Duration grace) {
        stopping = true;
        Channel c = channel;
        if (c != null) {
            try {
                synchronized (c) {
                    c.basicCancel(tag);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("cancelling the subscription: {}", e.toString());
            }
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("jobs still running after {} ms; the queue gets them back", grace.toMillis());
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Closing the connection hands every unacked job back to the queue.
        rabbit.close();
        LOG.info("worker stopped");
    }

    @Override
    public void close() {
        stop(WebApp.DEFAULT_GRACE);
    }
}
