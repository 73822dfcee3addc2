package dev.scaler.collect;

import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis' own INFO, over one kept connection per node (Jedis speaks the protocol). Jedis hands INFO back as text, and
 * no client library parses it; its format is documented as {@code field:value} lines under {@code # Section}
 * headings, which {@link #fields} splits. Sentinels answer INFO too, on their own port, with a sentinel section.
 */
final class RedisInfo implements Collector {
    static final int PORT = 6379;
    static final int SENTINEL_PORT = 26379;

    private final Optional<String> password;
    private final Duration timeout;
    private final Map<String, Jedis> connections = new ConcurrentHashMap<>();

    RedisInfo(Optional<String> password, Duration timeout) {
        this.password = password;
        this.timeout = timeout;
    }

    @Override
    public boolean reads(Target target) {
        return target.tier().equals("cache");
    }

    @Override
    public Reading read(Target target) {
        boolean sentinel = target.role().equals("sentinel");
        String key = target.container() + "@" + target.address().orElseThrow();
        try {
            Jedis jedis = connections.computeIfAbsent(key, k -> connect(target.address().orElseThrow(),
                    sentinel ? SENTINEL_PORT : PORT, sentinel ? Optional.empty() : password));
            return sentinel ? sentinel(fields(jedis.info("sentinel"))) : node(fields(jedis.info()));
        } catch (JedisException | IllegalArgumentException e) {
            Optional.ofNullable(connections.remove(key)).ifPresent(Jedis::close);
            return new Reading.Silent("INFO: " + e.getMessage());
        }
    }

    private Jedis connect(String host, int port, Optional<String> pass) {
        JedisClientConfig config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis()).socketTimeoutMillis((int) timeout.toMillis())
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED).protocol(RedisProtocol.RESP2)
                .password(pass.orElse(null)).clientName("scaler-monitor").build();
        return new Jedis(new HostAndPort(host, port), config);
    }

    /** INFO's {@code field:value} lines as a map; headings and blank lines skipped. */
    static Map<String, String> fields(String info) {
        var out = new HashMap<String, String>();
        for (String line : info.split("\\R")) {
            int colon = line.indexOf(':');
            if (!line.startsWith("#") && colon > 0) {
                out.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    /** A data node: master is "primary", slave "replica", as `scaler status` says them. */
    static Reading.Cache node(Map<String, String> f) {
        String role = switch (f.getOrDefault("role", "")) {
            case "master" -> "primary";
            case "slave" -> "replica";
            default -> throw new IllegalArgumentException("INFO has no role");
        };
        return new Reading.Cache(role, integer(f, "connected_slaves"), number(f, "keyspace_hits"),
                number(f, "keyspace_misses"), (long) number(f, "used_memory"), (long) number(f, "maxmemory"),
                !role.equals("replica") || "up".equals(f.get("master_link_status")));
    }

    /** A Sentinel: master0 reads {@code name=..,status=ok,address=host:port,slaves=1,sentinels=3}. */
    static Reading.Sentinel sentinel(Map<String, String> f) {
        var master = new HashMap<String, String>();
        for (String pair : f.getOrDefault("master0", "").split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                master.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        if (master.isEmpty()) {
            throw new IllegalArgumentException("this Sentinel watches no primary");
        }
        return new Reading.Sentinel(master.getOrDefault("status", "?"), master.getOrDefault("address", "?"),
                integer(master, "slaves"), integer(master, "sentinels"));
    }

    private static double number(Map<String, String> f, String key) {
        try {
            return Double.parseDouble(f.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int integer(Map<String, String> f, String key) {
        return (int) number(f, key);
    }

    @Override
    public void close() {
        connections.values().forEach(Jedis::close);
        connections.clear();
    }
}
