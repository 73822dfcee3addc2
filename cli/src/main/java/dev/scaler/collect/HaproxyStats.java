package dev.scaler.collect;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import dev.scaler.plan.HaproxyConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * HAProxy's stats page as CSV ({@code /stats;csv} on its monitoring port, on the project network), for the load
 * balancers and the database router alike. CSV, HAProxy's documented stats format (management guide, "CSV format"),
 * because Jackson's CSV module parses it and it is small: 4 KB for a load balancer where the same stats as JSON are
 * 150 KB (measured), read every second. Not the Prometheus exporter on the same port: the Prometheus Java client has
 * no parser for its text format.
 */
final class HaproxyStats implements Collector {
    private static final CsvMapper CSV = new CsvMapper();
    // Type column: 0 frontend, 1 backend, 2 server, 3 listener.
    private static final String FRONTEND = "0";
    private static final String BACKEND = "1";
    private static final String SERVER = "2";

    private final HttpClient http;
    private final Duration timeout;

    HaproxyStats(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public boolean reads(Target target) {
        return target.tier().equals("lb") || target.role().equals("router");
    }

    @Override
    public Reading read(Target target) {
        var request = HttpRequest.newBuilder(URI.create("http://" + target.address().orElseThrow() + ":"
                + HaproxyConfig.MONITOR_PORT + HaproxyConfig.STATS_PATH + ";csv;norefresh")).timeout(timeout).build();
        return HttpGet.read(http, request, HttpResponse.BodyHandlers.ofString(), "HAProxy stats",
                answer -> answer.statusCode() != 200
                        ? new Reading.Silent(HaproxyConfig.STATS_PATH + " answered " + answer.statusCode())
                        : parse(answer.body()));
    }

    /**
     * The stats CSV (a header line {@code # pxname,svname,...}, then one row per frontend, server and backend):
     * servers by status, sessions of the frontends that serve traffic, retries, redispatches and connect errors of the
     * backends.
     */
    static Reading.Balancer parse(String csv) throws IOException {
        // The header is the first line after HAProxy's "# ": without it, it is the column names Jackson expects.
        String text = csv.startsWith("# ") ? csv.substring(2) : csv;
        int up = 0;
        int down = 0;
        long sessions = 0;
        double retries = 0;
        double redispatches = 0;
        double connectErrors = 0;
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String status = row.getOrDefault("status", "");
                switch (row.getOrDefault("type", "")) {
                    case SERVER -> {
                        // A server-template slot with no address is "MAINT (resolution)": no replica there, not a dead one.
                        if (status.startsWith("UP")) {
                            up++;
                        } else if (!status.startsWith("MAINT")) {
                            down++;
                        }
                    }
                    case FRONTEND -> {
                        if (!row.getOrDefault("pxname", "").equals("monitor")) {
                            sessions += number(row, "scur");
                        }
                    }
                    case BACKEND -> {
                        retries += number(row, "wretr");
                        redispatches += number(row, "wredis");
                        connectErrors += number(row, "econ");
                    }
                    default -> {
                    }
                }
            }
        }
        return new Reading.Balancer(up, down, sessions, retries, redispatches, connectErrors);
    }

    private static long number(Map<String, String> row, String column) {
        String v = row.getOrDefault(column, "");
        return v.isEmpty() ? 0 : Long.parseLong(v);
    }
}
