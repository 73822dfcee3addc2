package dev.scaler.provision.db;

import dev.scaler.sql.Dialect;
import dev.scaler.sql.Gtid;
import dev.scaler.sql.MySql;
import dev.scaler.sql.ReplicaStatus;
import dev.scaler.sql.SemiSyncStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One SQL server over one JDBC connection (MariaDB Connector/J, for both dialects): runs a {@link Dialect}'s
 * statements and reads what the dialect knows how to read. Thin on purpose: what to run is the dialect's business.
 * A connection that broke (the server restarted) is not repaired; connect again.
 */
public final class SqlNode implements AutoCloseable {
    /** Passwords in statements, for error messages. */
    private static final Pattern SECRET = Pattern.compile(
            "((?:IDENTIFIED BY|MASTER_PASSWORD=|SOURCE_PASSWORD=)\\s*)'(?:[^'\\\\]|''|\\\\.)*'",
            Pattern.CASE_INSENSITIVE);

    private final Dialect dialect;
    private final String name;
    private final Connection connection;

    private SqlNode(Dialect dialect, String name, Connection connection) {
        this.dialect = dialect;
        this.name = name;
        this.connection = connection;
    }

    /**
     * Connects to {@code host:port}. {@code timeout} bounds the connect and every read, so a dead server costs at most
     * that (a {@link Dialect#waitForApplied} wait must be shorter).
     */
    public static SqlNode connect(Dialect dialect, String host, int port, String user, String password,
            Duration timeout) throws SQLException {
        var props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return new SqlNode(dialect, host + ":" + port, DriverManager.getConnection(url(dialect, host, port, timeout),
                props));
    }

    /**
     * The JDBC URL. For MySQL, {@code allowPublicKeyRetrieval}: accounts authenticate with caching_sha2_password
     * (8.4's default), and the first login of an account over a connection without TLS needs the server's RSA key.
     */
    static String url(Dialect dialect, String host, int port, Duration timeout) {
        long ms = Math.max(1, timeout.toMillis());
        String url = "jdbc:mariadb://" + host + ":" + port + "/?connectTimeout=" + ms + "&socketTimeout=" + ms;
        return dialect instanceof MySql ? url + "&allowPublicKeyRetrieval=true" : url;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** host:port. */
    public String name() {
        return name;
    }

    /** Runs the statements in order; the first that fails stops the rest (its text, without passwords, in the error). */
    public void execute(List<String> statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(name + ": " + redact(sql) + ": " + e.getMessage(), e.getSQLState(),
                            e.getErrorCode(), e);
                }
            }
        }
    }

    /** Every row of a query, column label to value (SQL NULL as null), in column order. */
    public List<Map<String, String>> query(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            var meta = rs.getMetaData();
            var rows = new ArrayList<Map<String, String>>();
            while (rs.next()) {
                var row = new LinkedHashMap<String, String>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new SQLException(name + ": " + redact(sql) + ": " + e.getMessage(), e.getSQLState(),
                    e.getErrorCode(), e);
        }
    }

    /** The first column of the first row; empty when there is no row or it is NULL. */
    public Optional<String> value(String sql) throws SQLException {
        var rows = query(sql);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst().values().iterator().next());
    }

    /** This server's replica status; empty when it replicates from nothing. */
    public Optional<ReplicaStatus> replicaStatus() throws SQLException {
        // MariaDB lists one row per named connection; scaler uses the default one (named '').
        return query(dialect.replicaStatusQuery()).stream()
                .filter(r -> r.get("Connection_name") == null || r.get("Connection_name").isEmpty())
                .findFirst().map(dialect::replicaStatus);
    }

    /** What this server has executed. */
    public Gtid gtidExecuted() throws SQLException {
        return dialect.parseGtid(value(dialect.gtidExecutedQuery()).orElse(""));
    }

    /** Semi-synchronous replication as the status variables tell it. */
    public SemiSyncStatus semiSyncStatus() throws SQLException {
        var variables = new HashMap<String, String>();
        for (var row : query(dialect.semiSyncStatusQuery())) {
            var values = row.values().iterator();
            variables.put(values.next(), values.next());
        }
        return dialect.semiSyncStatus(variables);
    }

    /** Waits until this server has applied {@code gtid}; false when {@code timeout} passed first. */
    public boolean waitForApplied(String gtid, Duration timeout) throws SQLException {
        return value(dialect.waitForApplied(gtid, timeout)).map("0"::equals).orElse(false);
    }

    /** {@code @@GLOBAL.read_only}. */
    public boolean readOnly() throws SQLException {
        return value("SELECT @@GLOBAL.read_only").map("1"::equals).orElse(false);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // A connection to a server that went away cannot be closed cleanly; it is gone either way.
        }
    }

    /**
     * Drops a connection that failed: its socket is closed without the goodbye {@link #close()} sends, which a
     * server that stopped answering would make wait out the socket timeout again.
     */
    public void abandon() {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            // Gone either way.
        }
    }

    static String redact(String sql) {
        return SECRET.matcher(sql).replaceAll("$1'***'");
    }
}
