package dev.scaler.webapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.HostAndPortMapper;

/**
 * SCALER_REDIS_VIA: {@code node:port=proxy:port,...}, where to dial each Redis node when the web tier
 * reaches Redis through proxies (scaler's {@code proxies: true}). Sentinel names the current master by
 * the node's own address; this maps it to the proxy in front of that node, for every master connection.
 * Sentinel connections themselves stay direct.
 */
public record RedisVia(Map<RedisEndpoint, RedisEndpoint> routes) {
    /** No proxies: every address is dialled as it is. */
    static final RedisVia NONE = new RedisVia(Map.of());

    public RedisVia {
        routes = Map.copyOf(routes);
    }

    /** Reads SCALER_REDIS_VIA (absent: {@link #NONE}); bad entries are added to problems. */
    static RedisVia fromEnv(Map<String, String> env, List<String> problems) {
        Optional<String> raw = Config.value(env, "SCALER_REDIS_VIA");
        if (raw.isEmpty()) {
            return NONE;
        }
        var routes = new LinkedHashMap<RedisEndpoint, RedisEndpoint>();
        for (String part : raw.get().split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String[] sides = entry.split("=", -1);
            Optional<RedisEndpoint> from = sides.length == 2 ? parse(sides[0].trim()) : Optional.empty();
            Optional<RedisEndpoint> to = sides.length == 2 ? parse(sides[1].trim()) : Optional.empty();
            if (from.isEmpty() || to.isEmpty()) {
                problems.add("SCALER_REDIS_VIA entries must be host:port=host:port, got '" + entry + "'");
            } else if (routes.put(from.get(), to.get()) != null) {
                problems.add("SCALER_REDIS_VIA names " + sides[0].trim() + " twice");
            }
        }
        return new RedisVia(routes);
    }

    private static Optional<RedisEndpoint> parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || !hostPort.substring(0, colon).matches("[A-Za-z0-9_.-]+")) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            return port < 1 || port > 65535 ? Optional.empty()
                    : Optional.of(new RedisEndpoint(hostPort.substring(0, colon), port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Where to dial a node: its proxy when it has one, else the node itself. */
    RedisEndpoint dial(RedisEndpoint node) {
        return routes.getOrDefault(node, node);
    }

    /** As SCALER_REDIS_VIA writes it: {@code node:port=proxy:port,...}. */
    @Override
    public String toString() {
        return String.join(",", routes.entrySet().stream().map(e -> e.getKey().host() + ":" + e.getKey().port() + "="
                + e.getValue().host() + ":" + e.getValue().port()).sorted().toList());
    }

    /** The same mapping for Jedis, which applies it to every connection of a client config that carries it. */
    HostAndPortMapper mapper() {
        return node -> {
            RedisEndpoint to = dial(new RedisEndpoint(node.getHost(), node.getPort()));
            return new HostAndPort(to.host(), to.port());
        };
    }
}
