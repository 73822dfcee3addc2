package dev.scaler.sql;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything that differs between MariaDB 10.11 and MySQL 8.4 LTS where scaler replicates: option files,
 * replication statements, status columns, GTID notation and semi-synchronous replication. Pure text in, text out;
 * running the statements is an adapter's business ({@code dev.scaler.provision.db.SqlNode}).
 *
 * <p>Statement lists are meant to run in order on one connection, each as its own statement.
 */
public sealed interface Dialect permits MariaDb, MySql {
    MariaDb MARIADB = new MariaDb();
    MySql MYSQL = new MySql();

    /** "mariadb" or "mysql". */
    String name();

    /** The option file ({@code .cnf}) of a server of a replicated cluster; goes to {@link ServerImage#CONFIG_FILE}. */
    String serverConfig(ServerConfig config);

    /**
     * The account replicas connect with: replication privileges only (it can read the binary log and nothing else).
     * Run on the primary with the binary log on, so that every replica, and so every future primary, gets it.
     */
    List<String> createReplicationUser(String user, String password);

    /** An account that may read replication status and the binary log position, for monitoring; nothing else. */
    List<String> createMonitorUser(String user, String password);

    /** The database and the application's account, with every privilege on that database and none elsewhere. */
    List<String> createAppUser(String user, String password, String database);

    /**
     * Makes this server a replica of {@code source} by GTID auto-positioning, with a 1 s connect retry and the
     * source's heartbeat, and starts replicating. Stops replication first, so it also re-points a replica.
     */
    List<String> replicateFrom(Source source);

    /**
     * Turns a former primary into a replica of {@code source}: fenced first, then {@link #replicateFrom}. Only when
     * its GTIDs are {@link Gtid.Relation#BEHIND} or {@link Gtid.Relation#EQUAL} the source's; one that holds
     * transactions the source lacks has diverged and must not rejoin.
     */
    List<String> rejoinAsReplica(Source source);

    List<String> startReplica();

    List<String> stopReplica();

    /** Makes a replica the primary: stops replicating, forgets its source, becomes writable. */
    List<String> promote();

    /** Makes a server read-only for every application account (MySQL: also for accounts with SUPER). */
    List<String> fence();

    /**
     * A query whose one value is 0 once this server has applied {@code gtid} (what its receiver got: {@link
     * ReplicaStatus#retrievedGtid()}), and not 0 when {@code timeout} passed first. Run it before promoting a
     * replica, so nothing it received is left unapplied.
     */
    String waitForApplied(String gtid, Duration timeout);

    /** The query for this server's replica status: no row when it is not a replica. */
    String replicaStatusQuery();

    /** Reads a row of {@link #replicaStatusQuery()} (column name to value; SQL NULL as null or absent). */
    ReplicaStatus replicaStatus(Map<String, String> row);

    /** A query whose one value is what this server has executed, in {@link #parseGtid} notation. */
    String gtidExecutedQuery();

    Gtid parseGtid(String text);

    /** The query for the semi-synchronous replication status variables (rows of Variable_name, Value). */
    default String semiSyncStatusQuery() {
        return "SHOW GLOBAL STATUS LIKE 'Rpl_semi_sync%'";
    }

    SemiSyncStatus semiSyncStatus(Map<String, String> variables);

    /**
     * Turns semi-synchronous replication on at run time, as source and as replica, with {@code timeout}; a running
     * replica acknowledges only after its receiver restarts ({@link #restartReceiver()}). MySQL: the plugins must be
     * loaded ({@link #serverConfig} loads them when semi-sync is on; else {@link #installSemiSync()}).
     */
    List<String> enableSemiSync(Duration timeout);

    /** Loads what semi-synchronous replication needs at run time; nothing on MariaDB, where it is built in. */
    List<String> installSemiSync();

    /** Restarts the replica's receiver thread (the applier keeps running). */
    List<String> restartReceiver();
}
