package dev.scaler.webapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Redis through Sentinel: the sentinels to ask and the name of the master they watch. The master's
 * password is SCALER_REDIS_PASSWORD; sentinels protected by their own password get
 * SCALER_REDIS_SENTINEL_PASSWORD.
 */
public record SentinelSettings(List<RedisEndpoint> sentinels, String master, Optional<String> sentinelPassword) {
    static final int DEFAULT_PORT = 26379;

    public SentinelSettings {
        if (sentinels.isEmpty()) {
            throw new IllegalArgumentException("at least one sentinel");
        }
        sentinels = List.copyOf(sentinels);
        sentinelPassword = sentinelPassword.filter(p -> !p.isEmpty());
    }

    /** SCALER_REDIS_SENTINELS and SCALER_REDIS_MASTER come together or not at all. */
    static Optional<SentinelSettings> fromEnv(Map<String, String> env, List<String> problems) {
        Optional<String> list = Config.value(env, "SCALER_REDIS_SENTINELS");
        Optional<String> master = Config.value(env, "SCALER_REDIS_MASTER");
        if (list.isEmpty() && master.isEmpty()) {
            return Optional.empty();
        }
        if (list.isEmpty() || master.isEmpty()) {
            problems.add("SCALER_REDIS_SENTINELS and SCALER_REDIS_MASTER must be set together");
            return Optional.empty();
        }
        List<RedisEndpoint> sentinels = new ArrayList<>();
        int before = problems.size();
        for (String part : list.get().split(",")) {
            String hostPort = part.trim();
            if (!hostPort.isEmpty()) {
                parse(hostPort, problems).ifPresent(sentinels::add);
            }
        }
        if (sentinels.isEmpty() && problems.size() == before) {
            problems.add("SCALER_REDIS_SENTINELS must list host:port of at least one sentinel");
        }
        if (!master.get().matches("[A-Za-z0-9_.-]{1,64}")) {
            problems.add("SCALER_REDIS_MASTER must be 1..64 characters of A-Z a-z 0-9 _ . -, got '" + master.get() + "'");
        }
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new SentinelSettings(sentinels, master.get(), Secret.read(env, "SCALER_REDIS_SENTINEL_PASSWORD", problems)));
    }

    private static Optional<RedisEndpoint> parse(String hostPort, List<String> problems) {
        String host;
        String port;
        if (hostPort.startsWith("[")) { // [::1]:26379
            int close = hostPort.indexOf(']');
            host = close < 0 ? "" : hostPort.substring(1, close);
            port = close < 0 || close + 1 >= hostPort.length() ? "" : hostPort.substring(close + 2);
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? "" : hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9_.:-]+")) {
            problems.add("SCALER_REDIS_SENTINELS entries must be host:port, got '" + hostPort + "'");
            return Optional.empty();
        }
        if (port.isEmpty()) {
            return Optional.of(new RedisEndpoint(host, DEFAULT_PORT));
        }
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return Optional.of(new RedisEndpoint(host, p));
        } catch (NumberFormatException e) {
            problems.add("SCALER_REDIS_SENTINELS port must be 1..65535, got '" + hostPort + "'");
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "SentinelSettings[sentinels=" + sentinels + ", master=" + master + ", sentinelPassword="
                + (sentinelPassword.isPresent() ? "***" : "none") + "]";
    }
}
