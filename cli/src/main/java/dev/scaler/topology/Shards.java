package dev.scaler.topology;

/** Shard groups, each its own primary with replicas, of the same kind as the database. */
public record Shards(int count, int replicas, String key, ShardStrategy strategy) {

    /** Shards run the database's kind, or MariaDB (the database's default) when the topology has no {@code database:} section. */
    public static DatabaseKind kind(java.util.Optional<Database> database) {
        return database.map(Database::kind).orElse(DatabaseKind.MARIADB);
    }
}
