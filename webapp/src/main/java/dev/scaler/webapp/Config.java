package dev.scaler.webapp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The app's settings, read from the scaler env contract (see docs/topology.md). */
public record Config(
        int port,
        String instance,
        String datacenter,
        RedisEndpoint redis,
        Optional<String> redisPassword,
        Optional<SentinelSettings> sentinel,
        DatabaseSettings database,
        RedisVia redisVia,
        Optional<String> cdnUrl) {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_DATACENTER = "dc1";
    static final String DEFAULT_REDIS_URL = "redis://localhost:6379";
    private static final int DEFAULT_REDIS_PORT = 6379;
    // Names end up in a response header and in HTML; a narrow alphabet keeps both safe without escaping rules.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,253}");
    // The CDN's URL goes into HTML attributes: no quotes, spaces or angle brackets can pass this.
    private static final Pattern CDN_URL = Pattern.compile("https?://[A-Za-z0-9._~:/%-]+");

    /** Checks the values a caller builds by hand the same way {@link #fromEnv} checks the environment. */
    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (!NAME.matcher(instance).matches() || !NAME.matcher(datacenter).matches()) {
            throw new IllegalArgumentException("instance and datacenter must match " + NAME.pattern());
        }
        redisPassword = redisPassword.filter(p -> !p.isEmpty());
        if (cdnUrl.isPresent() && !CDN_URL.matcher(cdnUrl.get()).matches()) {
            throw new IllegalArgumentException("the CDN URL must match " + CDN_URL.pattern());
        }
        cdnUrl = cdnUrl.map(u -> u.replaceAll("/+$", ""));
    }

    /** Without a CDN: the pages then reference no assets at all (the app never serves them itself). */
    public Config(int port, String instance, String datacenter, RedisEndpoint redis, Optional<String> redisPassword,
            Optional<SentinelSettings> sentinel, DatabaseSettings database, RedisVia redisVia) {
        this(port, instance, datacenter, redis, redisPassword, sentinel, database, redisVia, Optional.empty());
    }

    /** The plain web tier: one Redis, no Sentinel, no database. */
    public Config(int port, String instance, String datacenter, RedisEndpoint redis, Optional<String> redisPassword) {
        this(port, instance, datacenter, redis, redisPassword, Optional.empty(), DatabaseSettings.NONE, RedisVia.NONE);
    }

    /**
     * Reads the environment; {@code hostname} names the instance when neither SCALER_INSTANCE nor HOSTNAME is set.
     *
     * @throws ConfigException listing every invalid variable
     */
    public static Config fromEnv(Map<String, String> env, Supplier<String> hostname) {
        List<String> problems = new ArrayList<>();

        int port = DEFAULT_PORT;
        Optional<String> rawPort = value(env, "SCALER_PORT");
        if (rawPort.isPresent()) {
            try {
                port = Integer.parseInt(rawPort.get());
                if (port < 0 || port > 65535) {
                    problems.add("SCALER_PORT must be 0..65535, got " + port);
                }
            } catch (NumberFormatException e) {
                problems.add("SCALER_PORT must be a number, got '" + rawPort.get() + "'");
            }
        }

        String instance = value(env, "SCALER_INSTANCE")
                .or(() -> value(env, "HOSTNAME"))
                .orElseGet(hostname);
        if (!NAME.matcher(instance).matches()) {
            problems.add("SCALER_INSTANCE must be 1..253 characters of A-Z a-z 0-9 _ . -, got '" + instance + "'");
        }

        String datacenter = value(env, "SCALER_DATACENTER").orElse(DEFAULT_DATACENTER);
        if (!NAME.matcher(datacenter).matches()) {
            problems.add("SCALER_DATACENTER must be 1..253 characters of A-Z a-z 0-9 _ . -, got '" + datacenter + "'");
        }

        Optional<RedisEndpoint> redis = parseRedisUrl(value(env, "SCALER_REDIS_URL").orElse(DEFAULT_REDIS_URL), problems);
        Optional<SentinelSettings> sentinel = SentinelSettings.fromEnv(env, problems);
        DatabaseSettings database = DatabaseSettings.fromEnv(env, problems);
        RedisVia via = RedisVia.fromEnv(env, problems);
        Optional<String> redisPassword = Secret.read(env, "SCALER_REDIS_PASSWORD", problems);
        Optional<String> cdnUrl = value(env, "SCALER_CDN_URL");
        if (cdnUrl.isPresent() && !CDN_URL.matcher(cdnUrl.get()).matches()) {
            problems.add("SCALER_CDN_URL must be an http:// or https:// URL of letters, digits and . _ ~ : / % -, got '"
                    + cdnUrl.get() + "'");
        }

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Config(port, instance, datacenter, redis.orElseThrow(), redisPassword, sentinel,
                database, via, cdnUrl);
    }

    private static Optional<RedisEndpoint> parseRedisUrl(String url, List<String> problems) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            problems.add("SCALER_REDIS_URL is not a URL: " + e.getMessage());
            return Optional.empty();
        }
        if (!"redis".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            problems.add("SCALER_REDIS_URL must look like redis://host:port, got '" + redact(uri) + "'");
            return Optional.empty();
        }
        // The URL is logged at startup; a secret inside it would leak, so it has its own variable.
        if (uri.getRawUserInfo() != null) {
            problems.add("SCALER_REDIS_URL must not carry credentials; put the password in SCALER_REDIS_PASSWORD");
            return Optional.empty();
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
            problems.add("SCALER_REDIS_URL must be redis://host:port without a path or query, got '" + url + "'");
            return Optional.empty();
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return Optional.of(new RedisEndpoint(host, uri.getPort() == -1 ? DEFAULT_REDIS_PORT : uri.getPort()));
    }

    private static String redact(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo(), "***");
    }

    // Compose files often pass empty strings for unset variables; treat them as unset.
    static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "Config[port=" + port + ", instance=" + instance + ", datacenter=" + datacenter + ", redis=" + redis
                + ", redisPassword=" + (redisPassword.isPresent() ? "***" : "none") + ", sentinel=" + sentinel
                + ", database=" + database + ", redisVia=" + redisVia + "]";
    }
}
