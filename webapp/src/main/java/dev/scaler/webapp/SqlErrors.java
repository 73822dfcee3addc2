package dev.scaler.webapp;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** What a failed statement means for the client, from the driver's exception alone (MariaDB and MySQL alike). */
final class SqlErrors {
    /** The kinds the app treats differently. */
    enum Kind {
        /** The server refuses writes: read_only / super_read_only, e.g. a fenced old primary or a replica. */
        READ_ONLY,
        /** The connection broke or could not be made: server down, restarted, failed over. */
        CONNECTION,
        /** The server or network did not answer within the socket timeout. */
        TIMEOUT,
        /** The tables are not there yet: startup before the schema was created. */
        NO_SCHEMA,
        /** A lock wait timeout or deadlock: transient, worth a retry by the client. */
        CONTENTION,
        /** Anything else: a bug or a broken schema, not an outage. */
        OTHER
    }

    // ER_OPTION_PREVENTS_STATEMENT (--read-only), ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION (MySQL), ER_READ_ONLY_MODE (MariaDB).
    private static final Set<Integer> READ_ONLY_CODES = Set.of(1290, 1792, 1836);
    private static final Set<Integer> CONTENTION_CODES = Set.of(1205, 1213);
    private static final int NO_SUCH_TABLE = 1146;

    private SqlErrors() {}

    static Kind classify(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (READ_ONLY_CODES.contains(s.getErrorCode()) || "25006".equals(s.getSQLState())) {
                return Kind.READ_ONLY;
            }
        }
        if (e.getErrorCode() == NO_SUCH_TABLE || "42S02".equals(e.getSQLState())) {
            return Kind.NO_SCHEMA;
        }
        if (CONTENTION_CODES.contains(e.getErrorCode()) || "40001".equals(e.getSQLState())) {
            return Kind.CONTENTION;
        }
        if (e instanceof SQLTimeoutException || causedBy(e, SocketTimeoutException.class)) {
            return Kind.TIMEOUT;
        }
        String state = e.getSQLState();
        if ((state != null && state.startsWith("08"))
                || e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return Kind.CONNECTION;
        }
        return Kind.OTHER;
    }

    /** True for failures a client should see as 503 (retry later) rather than 500. */
    static boolean isOutage(Kind kind) {
        return kind != Kind.OTHER;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
