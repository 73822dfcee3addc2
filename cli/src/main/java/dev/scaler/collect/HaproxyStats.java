package dev.scaler.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * HAProxy's stats page as JSON ({@code /stats;json} on its monitoring port, on the project network), for the load
 * balancers and the database router alike. JSON rather than the Prometheus exporter on the same port: Jackson
 * parses it, while the Prometheus Java client has no parser for the text format the exporter speaks.
 */
final class HaproxyStats implements Collector {
    private static final ObjectMapper JSON = new ObjectMapper();

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
                + HaproxyConfig.MONITOR_PORT + HaproxyConfig.STATS_PATH + ";json")).timeout(timeout).build();
        try {
            var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return new Reading.Silent(HaproxyConfig.STATS_PATH + " answered " + answer.statusCode());
            }
            return parse(JSON.readTree(answer.body()));
        } catch (IOException e) {
            return new Reading.Silent("HAProxy stats: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reading.Silent("interrupted");
        }
    }

    /**
     * The stats rows (an array of rows, each an array of {@code {field: {name}, value: {value}}}): servers by status,
     * sessions of the frontends that serve traffic, retries, redispatches and connect errors of the backends.
     */
    static Reading.Balancer parse(JsonNode rows) {
        int up = 0;
        int down = 0;
        long sessions = 0;
        double retries = 0;
        double redispatches = 0;
        double connectErrors = 0;
        for (JsonNode row : rows) {
            var fields = new java.util.HashMap<String, JsonNode>();
            String type = "";
            for (JsonNode f : row) {
                fields.put(f.path("field").path("name").asText(), f.path("value").path("value"));
                type = f.path("objType").asText(type);
            }
            String proxy = fields.getOrDefault("pxname", JSON.missingNode()).asText();
            String status = fields.getOrDefault("status", JSON.missingNode()).asText();
            switch (type) {
                case "Server" -> {
                    // A server-template slot with no address is "MAINT (resolution)": no replica there, not a dead one.
                    if (status.startsWith("UP")) {
                        up++;
                    } else if (!status.startsWith("MAINT")) {
                        down++;
                    }
                }
                case "Frontend" -> {
                    if (!proxy.equals("monitor")) {
                        sessions += fields.getOrDefault("scur", JSON.missingNode()).asLong();
                    }
                }
                case "Backend" -> {
                    retries += fields.getOrDefault("wretr", JSON.missingNode()).asDouble();
                    redispatches += fields.getOrDefault("wredis", JSON.missingNode()).asDouble();
                    connectErrors += fields.getOrDefault("econ", JSON.missingNode()).asDouble();
                }
                default -> {
                }
            }
        }
        return new Reading.Balancer(up, down, sessions, retries, redispatches, connectErrors);
    }
}
