package dev.scaler.provision;

import dev.scaler.failover.Cluster;
import dev.scaler.failover.Group;
import dev.scaler.failover.NodeView;
import dev.scaler.failover.Positions;
import dev.scaler.failover.ReplicaLink;
import dev.scaler.provision.db.SqlNode;
import dev.scaler.sql.Dialect;
import dev.scaler.sql.Gtid;
import dev.scaler.sql.ServerImage;
import dev.scaler.sql.Source;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The agent's hands on a group: probes and acts on each node over SQL, and moves the router's route. Probes keep one
 * connection per node from round to round; {@link #close()} closes them.
 */
public final class SqlCluster implements Cluster, AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /**
     * A kept connection that failed sooner than this was closed at the other end (the server restarted, or dropped
     * it), and the node is asked again on a fresh one in the same round; one that took longer timed out, and the
     * node did not answer.
     */
    private static final Duration CLOSED_NOT_SILENT = TIMEOUT.dividedBy(2);
    private static final Duration APPLY_WAIT = Duration.ofSeconds(2);

    private final Dialect dialect;
    private final String user;
    private final String password;
    private final String replicationUser;
    private final String replicationPassword;
    private final RouterAdmin router;
    private final Consumer<String> log;
    private final Map<String, String> routerTrouble = new java.util.concurrent.ConcurrentHashMap<>();
    /** The probes' connection to each node, kept between rounds: a new one each round cost 0.14 of a core idle. */
    private final Map<String, SqlNode> kept = new java.util.concurrent.ConcurrentHashMap<>();

    public SqlCluster(Dialect dialect, String user, String password, String replicationUser,
            String replicationPassword, RouterAdmin router, Consumer<String> log) {
        this.dialect = dialect;
        this.user = user;
        this.password = password;
        this.replicationUser = replicationUser;
        this.replicationPassword = replicationPassword;
        this.router = router;
        this.log = log;
    }

    /** GTID comparison in this cluster's dialect: the replica whose GTIDs contain every other's. */
    public Positions positions() {
        return byNode -> {
            var parsed = new LinkedHashMap<String, Gtid>();
            byNode.forEach((node, text) -> parsed.put(node, dialect.parseGtid(text)));
            var election = Gtid.mostAdvanced(parsed);
            election.lost().forEach((node, missing) -> {
                if (!missing.isEmpty()) {
                    log.accept("promoting " + election.chosen() + " loses " + missing.transactions()
                            + " transaction(s) only " + node + " has: " + missing.text());
                }
            });
            return Optional.of(election.chosen());
        };
    }

    @Override
    public List<NodeView> probe(Group group) {
        // Side by side: a dead node costs its connect timeout once per round, not once per node after it.
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var probes = group.nodes().stream().map(n -> pool.submit(() -> probe(n))).toList();
            var views = new ArrayList<NodeView>();
            for (int i = 0; i < probes.size(); i++) {
                try {
                    views.add(probes.get(i).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    views.add(NodeView.unreachable(group.nodes().get(i)));
                } catch (java.util.concurrent.ExecutionException e) {
                    views.add(NodeView.unreachable(group.nodes().get(i)));
                }
            }
            return views;
        }
    }

    private NodeView probe(String node) {
        SqlNode old = kept.remove(node);
        if (old != null) {
            long start = System.nanoTime();
            try {
                return keep(node, old);
            } catch (SQLException | RuntimeException e) {
                old.abandon();
                if (Duration.ofNanos(System.nanoTime() - start).compareTo(CLOSED_NOT_SILENT) >= 0) {
                    return NodeView.unreachable(node);
                }
            }
        }
        SqlNode fresh = null;
        try {
            fresh = connect(node);
            return keep(node, fresh);
        } catch (SQLException | RuntimeException e) {
            if (fresh != null) {
                fresh.abandon();
            }
            return NodeView.unreachable(node);
        }
    }

    /** What {@code sql} says of its node; the connection is kept for the next round when it answered. */
    private NodeView keep(String node, SqlNode sql) throws SQLException {
        var link = sql.replicaStatus().filter(s -> !s.sourceHost().isEmpty())
                .map(s -> new ReplicaLink(s.sourceHost(), s.ioRunning(), s.sqlRunning()));
        var view = new NodeView(node, true, !sql.readOnly(), link, sql.gtidExecuted().toString());
        kept.put(node, sql);
        return view;
    }

    /** Closes the connections the probes kept. */
    @Override
    public void close() {
        kept.values().forEach(SqlNode::close);
        kept.clear();
    }

    @Override
    public void promote(Group group, String node) {
        run(node, sql -> {
            // Apply everything the replica received before it takes writes, or it would lose it.
            sql.replicaStatus().ifPresent(s -> {
                try {
                    if (!s.retrievedGtid().isEmpty() && !sql.waitForApplied(s.retrievedGtid(), APPLY_WAIT)) {
                        log.accept(node + " had not applied all it received within " + APPLY_WAIT.toMillis()
                                + " ms; promoting anyway");
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            sql.execute(dialect.promote());
        });
    }

    @Override
    public void repoint(Group group, String node, String primary) {
        Source source = Source.of(primary, replicationUser, replicationPassword);
        run(node, sql -> {
            // Whether it was a replica, a fresh node or an old primary: it may follow the primary only if it holds
            // nothing the primary lacks, and it starts from everything it has (its binary log), not from
            // where it last replicated.
            Gtid mine = sql.gtidExecuted();
            Gtid theirs;
            try (SqlNode p = connect(primary)) {
                theirs = p.gtidExecuted();
            }
            var relation = mine.relationTo(theirs);
            if (relation == Gtid.Relation.AHEAD || relation == Gtid.Relation.DIVERGED) {
                sql.execute(dialect.fence());
                throw new IllegalStateException(node + " has transactions " + primary + " never saw ("
                        + mine.beyond(theirs).text() + "): fenced read-only, not rejoined; it has diverged");
            }
            rejoin(sql, source);
        });
    }

    /**
     * Runs the rejoin, again when another client started replication between its STOP and its CHANGE MASTER
     * (error 1198: another client rejoining the same node; the agent and `scaler failover` take turns, see
     * AgentTurns, but a client of the user's own may not); the statements are idempotent, so a second pass ends in
     * the same state.
     */
    private void rejoin(SqlNode sql, Source source) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                sql.execute(dialect.rejoinAsReplica(source));
                return;
            } catch (SQLException e) {
                if (e.getErrorCode() != ER_SLAVE_MUST_STOP || attempt == 3) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void fence(Group group, String node) {
        run(node, sql -> sql.execute(dialect.fence()));
    }

    @Override
    public void route(Group group, String primary) {
        RouterAdmin.Routing r = router.route(group.name(), primary);
        if (!r.moved().isEmpty()) {
            log.accept(group.name() + ": route now leads to " + primary + " at router " + String.join(", ", r.moved()));
        }
        // Said when it changes: while Swarm replaces a dead router's task, every round would say it again.
        String unreachable = String.join("; ", r.unreachable());
        if (!unreachable.equals(routerTrouble.put(group.name(), unreachable)) && !unreachable.isEmpty()) {
            log.accept(group.name() + ": a router did not answer: " + unreachable);
        }
    }

    private SqlNode connect(String node) throws SQLException {
        return SqlNode.connect(dialect, node, ServerImage.PORT, user, password, TIMEOUT);
    }

    /** Work on one node over SQL. */
    @FunctionalInterface
    private interface Work {
        void on(SqlNode sql) throws SQLException;
    }

    /** MariaDB's and MySQL's "This operation cannot be performed as you have a running slave". */
    private static final int ER_SLAVE_MUST_STOP = 1198;

    private void run(String node, Work work) {
        try (SqlNode sql = SqlNode.connect(dialect, node, ServerImage.PORT, user, password, APPLY_WAIT.plusSeconds(1))) {
            work.on(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(node + ": " + e.getMessage(), e);
        }
    }
}
