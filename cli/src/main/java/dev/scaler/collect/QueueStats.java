package dev.scaler.collect;

import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import dev.scaler.plan.QueueTier;
import dev.scaler.provision.QueueApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A RabbitMQ node's management API on the project network: the node itself ({@code /api/nodes/NAME}: memory and
 * alarms) and the jobs queue ({@code /api/queues/%2F/jobs}: leader, depth, consumers, rates), as user scaler. Without
 * the password (no `up` of this state directory) the nodes are silent, never guessed at.
 */
final class QueueStats implements Collector {
    private final HttpClient http;
    private final Duration timeout;
    private final Optional<String> authorization;

    QueueStats(HttpClient http, Duration timeout, Optional<String> password) {
        this.http = http;
        this.timeout = timeout;
        this.authorization = password.map(p -> "Basic " + Base64.getEncoder().encodeToString(
                (QueueTier.USER + ":" + p).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean reads(Target target) {
        return target.tier().equals("queue");
    }

    @Override
    public Reading read(Target target) {
        if (authorization.isEmpty()) {
            return new Reading.Silent("no queue password in this state directory's secrets");
        }
        String node = "rabbit@" + target.container();
        return HttpGet.read(http, get(target, "/api/nodes/" + node), HttpResponse.BodyHandlers.ofString(),
                "RabbitMQ management API", nodeAnswer -> {
                    if (nodeAnswer.statusCode() != 200) {
                        return new Reading.Silent("/api/nodes answered " + nodeAnswer.statusCode());
                    }
                    Optional<QueueApi.Node> self = QueueApi.nodes("[" + nodeAnswer.body() + "]")
                            .flatMap(l -> l.stream().findFirst());
                    if (self.isEmpty()) {
                        return new Reading.Silent("/api/nodes: not a node");
                    }
                    return reading(node, self.get(), jobs(target));
                });
    }

    /** The jobs queue; empty when it does not exist (yet: a 404) or does not answer, the node is read all the same. */
    private Optional<QueueApi.Jobs> jobs(Target target) {
        try {
            var answer = http.send(get(target, QueueApi.JOBS_PATH), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? QueueApi.queue(answer.body()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Reading.Queue reading(String node, QueueApi.Node self, Optional<QueueApi.Jobs> jobs) {
        return new Reading.Queue(node, self.memoryUsed(), self.memoryAlarm(), self.diskAlarm(),
                jobs.flatMap(QueueApi.Jobs::leader), jobs.map(QueueApi.Jobs::ready).orElse(0L),
                jobs.map(QueueApi.Jobs::unacked).orElse(0L), jobs.map(QueueApi.Jobs::consumers).orElse(0),
                jobs.map(QueueApi.Jobs::publishRate).orElse(0.0), jobs.map(QueueApi.Jobs::deliverRate).orElse(0.0),
                jobs.map(QueueApi.Jobs::ackRate).orElse(0.0));
    }

    private HttpRequest get(Target target, String path) {
        return HttpRequest.newBuilder(URI.create("http://" + target.address().orElseThrow() + ":"
                + QueueTier.MANAGEMENT_PORT + path)).timeout(timeout)
                .header("Authorization", authorization.orElseThrow()).build();
    }
}
