package dev.scaler.collect;

import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import dev.scaler.provision.db.SqlNode;
import dev.scaler.sql.Dialect;
import dev.scaler.sql.ServerImage;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A MySQL/MariaDB node's own status over JDBC as the monitoring account (replication status only): read_only and
 * the replica status make its role (as `scaler status` says it), the replica status its lag and GTID position,
 * {@code Threads_connected} its connections. One connection per node, kept between readings.
 */
final class SqlStatus implements Collector {
    private final String user;
    private final Optional<String> password;
    private final Duration timeout;
    private final Map<String, SqlNode> connections = new ConcurrentHashMap<>();

    SqlStatus(String user, Optional<String> password, Duration timeout) {
        this.user = user;
        this.password = password;
        this.timeout = timeout;
    }

    @Override
    public boolean reads(Target target) {
        return (target.tier().equals("database") || target.tier().equals("shard")) && !target.role().equals("router");
    }

    @Override
    public Reading read(Target target) {
        if (password.isEmpty()) {
            return new Reading.Silent("no monitoring password in .scaler/secrets for this project");
        }
        String key = target.container() + "@" + target.address().orElseThrow();
        try {
            SqlNode node = connections.get(key);
            if (node == null) {
                node = SqlNode.connect(dialect(target.image()), target.address().orElseThrow(), ServerImage.PORT, user,
                        password.get(), timeout);
                connections.put(key, node);
            }
            // Each second, so as few round trips as it takes: a replica's status row has its lag and position.
            long connected = node.query("SHOW GLOBAL STATUS LIKE 'Threads_connected'").stream().findFirst()
                    .map(r -> Long.parseLong(r.values().stream().skip(1).findFirst().orElse("0"))).orElse(0L);
            var replica = node.replicaStatus();
            if (replica.isPresent()) {
                var r = replica.get();
                return new Reading.Sql("replica of " + r.sourceHost(), r.secondsBehind(), r.executedGtid(), connected,
                        r.replicating());
            }
            boolean readOnly = node.value("SELECT @@GLOBAL.read_only").map(v -> !v.equals("0")).orElse(false);
            return new Reading.Sql(readOnly ? "fenced" : "primary", OptionalLong.empty(),
                    node.value(node.dialect().gtidExecutedQuery()).orElse(""), connected, true);
        } catch (SQLException | RuntimeException e) {
            Optional.ofNullable(connections.remove(key)).ifPresent(SqlNode::close);
            return new Reading.Silent("SQL: " + e.getMessage());
        }
    }

    /** MySQL's official images are named mysql; everything else scaler runs is MariaDB. */
    static Dialect dialect(String image) {
        return image.startsWith("mysql") || image.contains("/mysql") ? Dialect.MYSQL : Dialect.MARIADB;
    }

    @Override
    public void close() {
        connections.values().forEach(SqlNode::close);
        connections.clear();
    }
}
