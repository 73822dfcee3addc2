package dev.scaler.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests sent without pause by a few clients that keep their connections alive, as users behind a browser do:
 * every answer that is not a 200 (or no answer) is a failure, kept with what went wrong.
 */
final class Traffic implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger sent = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients;

    /** {@code clients} clients, each alternating a GET and a login (a POST) at the load balancer on {@code port}. */
    Traffic(int port, int clients) {
        this.clients = java.util.stream.IntStream.range(0, clients)
                .mapToObj(i -> Thread.ofVirtual().start(() -> loop(port, i))).toList();
    }

    private void loop(int port, int client) {
        for (int n = 0; !stop.get(); n++) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + (n % 2 == 0 ? "/whoami" : "/login")))
                    .timeout(Duration.ofSeconds(10));
            if (n % 2 == 1) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("user=u" + client));
            }
            sent.incrementAndGet();
            try {
                var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    failures.add(answer.statusCode() + " " + answer.body().strip());
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }
    }

    int sent() {
        return sent.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread t : clients) {
            t.join(Duration.ofSeconds(15));
        }
    }
}
