package dev.scaler.webapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of the app, built from {@link DatabaseSettings}: one pool per server (a URL
 * named twice shares its pool), the background schema creation, the notes service and the users
 * table. Empty when no database is configured.
 */
final class DataTier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataTier.class);

    private final List<Database> databases;
    private final Schema schema;
    private final Optional<Notes> notes;
    private final Optional<UserDirectory> users;
    private final List<JobTable> jobTables;
    private final ShardStrategy strategy;

    private DataTier(List<Database> databases, Schema schema, Optional<Notes> notes, Optional<UserDirectory> users,
            List<JobTable> jobTables, ShardStrategy strategy) {
        this.databases = databases;
        this.schema = schema;
        this.notes = notes;
        this.users = users;
        this.jobTables = List.copyOf(jobTables);
        this.strategy = strategy;
    }

    static DataTier none() {
        return new DataTier(List.of(), new Schema().start(), Optional.empty(), Optional.empty(), List.of(), ShardStrategy.HASH);
    }

    /** Opens the pools (lazily connecting) and starts creating the schema; never waits for a database. */
    static DataTier open(DatabaseSettings settings, Redis redis, AppMetrics metrics) {
        if (!settings.configured()) {
            return none();
        }
        String user = settings.user().orElseThrow();
        Map<String, Database> byUrl = new LinkedHashMap<>();
        Pools pools = (name, url) -> byUrl.computeIfAbsent(url, u -> {
            Database db = Database.open(name, u, user, settings.password());
            db.measure(metrics);
            return db;
        });

        Schema schema = new Schema();
        Optional<UserDirectory> users = Optional.empty();
        if (settings.primaryUrl().isPresent()) {
            Database main = pools.get("main-primary", settings.primaryUrl().get());
            schema.on(main, Schema.USERS);
            List<Database> mainReplicas = new ArrayList<>();
            for (int r = 0; r < settings.replicaUrls().size(); r++) {
                mainReplicas.add(pools.get("main-replica-" + r, settings.replicaUrls().get(r)));
            }
            users = Optional.of(new JdbcUserDirectory(main, mainReplicas, settings.readsFrom()));
        }

        List<Notes.Shard> shards = new ArrayList<>();
        List<JobTable> jobTables = new ArrayList<>();
        List<DatabaseSettings.Shard> noteShards = settings.noteShards();
        boolean sharded = !settings.shards().isEmpty();
        for (int i = 0; i < noteShards.size(); i++) {
            DatabaseSettings.Shard shard = noteShards.get(i);
            String prefix = sharded ? "shard-" + i : "main";
            Database primary = pools.get(prefix + "-primary", shard.primaryUrl());
            schema.on(primary, Schema.NOTES, Schema.JOBS);
            jobTables.add(new JdbcJobTable(primary));
            List<NoteTable> replicas = new ArrayList<>();
            for (int r = 0; r < shard.replicaUrls().size(); r++) {
                replicas.add(new JdbcNoteTable(pools.get(prefix + "-replica-" + r, shard.replicaUrls().get(r))));
            }
            shards.add(new Notes.Shard(i, new JdbcNoteTable(primary), replicas));
        }
        schema.start();

        Notes notes = Notes.create(shards, settings.strategy(), new RedisNoteCache(redis, metrics), new RedisAckedVersions(redis),
                settings.readsFrom());
        LOG.info("notes on {} shard(s) by {}, reads from {}, databases {}", shards.size(),
                sharded ? settings.strategy() : "none", settings.readsFrom(),
                byUrl.values().stream().map(Database::name).toList());
        return new DataTier(List.copyOf(byUrl.values()), schema, Optional.of(notes), users, jobTables, settings.strategy());
    }

    @FunctionalInterface
    private interface Pools {
        Database get(String name, String url);
    }

    Optional<Notes> notes() {
        return notes;
    }

    Optional<UserDirectory> users() {
        return users;
    }

    /** The digest jobs, beside the notes on each shard primary, handed to workers through {@code queue}. */
    Optional<Jobs> jobs(JobQueue queue) {
        return notes.map(n -> Jobs.create(n, jobTables, strategy, queue));
    }

    Schema schema() {
        return schema;
    }

    @Override
    public void close() {
        schema.close();
        databases.forEach(Database::close);
    }
}
