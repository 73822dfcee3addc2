package dev.scaler.collect;

import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import dev.scaler.plan.EdgeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CDN edge's vital signs from nginx itself: its access log of asset requests ({@code HIT 200}, one line each),
 * served by the edge on its monitoring port ({@link EdgeConfig#LOG_PATH}). Open-source nginx keeps no cache counters
 * of its own, so the log is the count; each reading fetches only the bytes added since the last (an HTTP range), and
 * the counts are kept here, per container, from the start of the log.
 */
final class EdgeLog implements Collector {
    private static final Pattern TOTAL = Pattern.compile("/(\\d+)$");

    /** What was counted of one container's log so far. */
    private static final class Tally {
        long offset;
        final Map<String, Double> byStatus = new HashMap<>();
        double errors;
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    EdgeLog(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public boolean reads(Target target) {
        return target.tier().equals("cdn") && target.role().equals("edge");
    }

    @Override
    public Reading read(Target target) {
        Tally tally = tallies.computeIfAbsent(target.container(), k -> new Tally());
        synchronized (tally) {
            var request = HttpRequest.newBuilder(URI.create("http://" + target.address().orElseThrow() + ":"
                    + EdgeConfig.MONITOR_PORT + EdgeConfig.LOG_PATH)).header("Range", "bytes=" + tally.offset + "-")
                    .timeout(timeout).build();
            return HttpGet.read(http, request, HttpResponse.BodyHandlers.ofString(), "edge log", answer -> {
                switch (answer.statusCode()) {
                    case 206 -> count(tally, answer.body());
                    case 200 -> { // the whole log: a new container, or the first reading
                        tally.offset = 0;
                        tally.byStatus.clear();
                        tally.errors = 0;
                        count(tally, answer.body());
                    }
                    case 416 -> { // nothing new, unless the log is shorter than what was read: a new container
                        long total = answer.headers().firstValue("Content-Range").map(TOTAL::matcher)
                                .filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).orElse(tally.offset);
                        if (total < tally.offset) {
                            tallies.remove(target.container());
                            return read(target);
                        }
                    }
                    default -> {
                        return new Reading.Silent(EdgeConfig.LOG_PATH + " answered " + answer.statusCode());
                    }
                }
                return new Reading.Edge(tally.byStatus, tally.errors);
            });
        }
    }

    /** Counts the complete lines of a chunk and moves the offset past them (a line cut short is read next time). */
    private static void count(Tally tally, String chunk) {
        int end = chunk.lastIndexOf('\n');
        if (end < 0) {
            return;
        }
        Counts c = Counts.of(chunk.substring(0, end + 1));
        c.byStatus().forEach((k, v) -> tally.byStatus.merge(k, v, Double::sum));
        tally.errors += c.errors();
        // The log is ASCII (status words and numbers), so characters are bytes.
        tally.offset += end + 1;
    }

    /** The counts of complete log lines ({@code CACHE-STATUS HTTP-STATUS}); pure, so it is unit-tested. */
    record Counts(Map<String, Double> byStatus, double errors) {
        static Counts of(String lines) {
            var by = new HashMap<String, Double>();
            double errors = 0;
            for (String line : lines.split("\n")) {
                String[] f = line.strip().split(" ");
                if (f.length != 2) {
                    continue;
                }
                by.merge(f[0], 1.0, Double::sum);
                if (f[1].startsWith("5")) {
                    errors++;
                }
            }
            return new Counts(by, errors);
        }
    }
}
