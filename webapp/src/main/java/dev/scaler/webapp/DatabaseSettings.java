package dev.scaler.webapp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database part of the env contract: the main database (users, and notes when there are no
 * shards), its replicas, and the shards that hold notes. Everything is optional: with no URL at
 * all the app is the plain web tier and the notes API answers 501.
 *
 * @param primaryUrl SCALER_DB_PRIMARY_URL, the stable address that failover re-points
 * @param replicaUrls SCALER_DB_REPLICA_URLS
 * @param shards SCALER_SHARD_URLS in shard order, each with SCALER_SHARD_<i>_REPLICA_URLS
 */
public record DatabaseSettings(
        Optional<String> primaryUrl,
        List<String> replicaUrls,
        Optional<String> user,
        Optional<String> password,
        ReadsFrom readsFrom,
        List<Shard> shards,
        ShardStrategy strategy) {

    /** One shard: its primary and the replicas that follow it. */
    public record Shard(String primaryUrl, List<String> replicaUrls) {
        public Shard {
            replicaUrls = List.copyOf(replicaUrls);
        }
    }

    /** No database at all: the plain web tier. */
    public static final DatabaseSettings NONE = new DatabaseSettings(
            Optional.empty(), List.of(), Optional.empty(), Optional.empty(), ReadsFrom.REPLICAS, List.of(), ShardStrategy.HASH);

    // Single-host URLs of the two drivers the app ships, naming a database (the schema is created in it).
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:(mariadb|mysql)://([^/?#,\\s]+)/([A-Za-z0-9_$]+)(\\?\\S*)?");
    private static final Pattern SHARD_REPLICAS = Pattern.compile("SCALER_SHARD_(\\d+)_REPLICA_URLS");
    // A comma starts the next URL only when "jdbc:" follows, so a comma inside one URL's options survives.
    private static final Pattern LIST_SEPARATOR = Pattern.compile(",\\s*(?=jdbc:)");

    public DatabaseSettings {
        replicaUrls = List.copyOf(replicaUrls);
        shards = List.copyOf(shards);
        password = password.filter(p -> !p.isEmpty());
    }

    /** True when some database is configured, so the notes API is served. */
    public boolean configured() {
        return primaryUrl.isPresent() || !shards.isEmpty();
    }

    /** Where notes live: the shards, or the main database as the only shard (index 0) when there are none. */
    public List<Shard> noteShards() {
        if (!shards.isEmpty()) {
            return shards;
        }
        return primaryUrl.map(url -> List.of(new Shard(url, replicaUrls))).orElse(List.of());
    }

    /** Reads the SCALER_DB_* and SCALER_SHARD_* variables, adding one sentence per mistake to {@code problems}. */
    static DatabaseSettings fromEnv(Map<String, String> env, List<String> problems) {
        Optional<String> primary = Config.value(env, "SCALER_DB_PRIMARY_URL");
        primary.ifPresent(url -> checkUrl("SCALER_DB_PRIMARY_URL", url, problems));
        List<String> replicas = urls(env, "SCALER_DB_REPLICA_URLS", problems);
        if (!replicas.isEmpty() && primary.isEmpty()) {
            problems.add("SCALER_DB_REPLICA_URLS needs SCALER_DB_PRIMARY_URL: replicas follow a primary");
        }

        List<String> shardPrimaries = urls(env, "SCALER_SHARD_URLS", problems);
        Map<Integer, List<String>> shardReplicas = new TreeMap<>();
        for (String name : env.keySet()) {
            Matcher m = SHARD_REPLICAS.matcher(name);
            if (m.matches()) {
                int index = parseIndex(m.group(1));
                if (index >= shardPrimaries.size()) {
                    problems.add(name + " names shard " + m.group(1) + " but SCALER_SHARD_URLS lists "
                            + shardPrimaries.size() + " shard(s), numbered from 0");
                } else {
                    shardReplicas.put(index, urls(env, name, problems));
                }
            }
        }
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < shardPrimaries.size(); i++) {
            shards.add(new Shard(shardPrimaries.get(i), shardReplicas.getOrDefault(i, List.of())));
        }

        ReadsFrom readsFrom = Config.value(env, "SCALER_DB_READS_FROM").map(v -> ReadsFrom.parse(v).orElseGet(() -> {
            problems.add("SCALER_DB_READS_FROM must be replicas or primary, got '" + v + "'");
            return ReadsFrom.REPLICAS;
        })).orElse(ReadsFrom.REPLICAS);
        ShardStrategy strategy = Config.value(env, "SCALER_SHARD_STRATEGY").map(v -> ShardStrategy.parse(v).orElseGet(() -> {
            problems.add("SCALER_SHARD_STRATEGY must be hash or range, got '" + v + "'");
            return ShardStrategy.HASH;
        })).orElse(ShardStrategy.HASH);
        if (strategy == ShardStrategy.RANGE && shards.size() > RangeShards.ALPHABET.length()) {
            problems.add("SCALER_SHARD_STRATEGY=range splits 36 first characters, so at most 36 shards; got " + shards.size());
        }

        Optional<String> user = Config.value(env, "SCALER_DB_USER");
        Optional<String> password = Secret.read(env, "SCALER_DB_PASSWORD", problems);
        if ((primary.isPresent() || !shards.isEmpty()) && user.isEmpty()) {
            problems.add("SCALER_DB_USER is required when a database URL is set (scaler generates it per project)");
        }
        return new DatabaseSettings(primary, replicas, user, password, readsFrom, shards, strategy);
    }

    private static List<String> urls(Map<String, String> env, String name, List<String> problems) {
        Optional<String> raw = Config.value(env, name);
        if (raw.isEmpty()) {
            return List.of();
        }
        List<String> urls = Arrays.stream(LIST_SEPARATOR.split(raw.get())).map(String::trim).filter(u -> !u.isEmpty()).toList();
        urls.forEach(url -> checkUrl(name, url, problems));
        return urls;
    }

    private static void checkUrl(String name, String url, List<String> problems) {
        if (!JDBC_URL.matcher(url).matches()) {
            problems.add(name + " must hold URLs like jdbc:mariadb://host:3306/scaler or jdbc:mysql://host:3306/scaler, got '"
                    + redact(url) + "'");
        } else if (url.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
            // URLs are logged at startup; the secret has its own variable.
            problems.add(name + " must not carry a password; put it in SCALER_DB_PASSWORD");
        }
    }

    private static int parseIndex(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A URL fit for logs and error messages: any password option masked. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[primary=" + primaryUrl.orElse("none") + ", replicas=" + replicaUrls
                + ", user=" + user.orElse("none") + ", password=" + (password.isPresent() ? "***" : "none")
                + ", readsFrom=" + readsFrom + ", shards=" + shards + ", strategy=" + strategy + "]";
    }
}
