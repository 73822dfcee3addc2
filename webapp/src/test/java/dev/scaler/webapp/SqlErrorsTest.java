package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** The error codes and states both drivers use, mapped to what the client is told. */
class SqlErrorsTest {

    @Test
    void readOnlyServers() {
        // MariaDB and MySQL with read_only: ER_OPTION_PREVENTS_STATEMENT.
        assertThat(SqlErrors.classify(new SQLException("running with --read-only", "HY000", 1290))).isEqualTo(SqlErrors.Kind.READ_ONLY);
        assertThat(SqlErrors.classify(new SQLException("read only transaction", "25006", 1792))).isEqualTo(SqlErrors.Kind.READ_ONLY);
        assertThat(SqlErrors.classify(new SQLException("Running in read-only mode", "HY000", 1836))).isEqualTo(SqlErrors.Kind.READ_ONLY);
    }

    @Test
    void brokenAndRefusedConnections() {
        assertThat(SqlErrors.classify(new SQLNonTransientConnectionException("Socket fail to connect", "08000"))).isEqualTo(SqlErrors.Kind.CONNECTION);
        // HikariCP's "Connection is not available, request timed out after 1000ms".
        assertThat(SqlErrors.classify(new SQLTransientConnectionException("not available", "08001"))).isEqualTo(SqlErrors.Kind.CONNECTION);
        assertThat(SqlErrors.classify(new SQLException("Communications link failure", "08S01", 0))).isEqualTo(SqlErrors.Kind.CONNECTION);
    }

    @Test
    void socketTimeouts() {
        SQLException timeout = new SQLNonTransientConnectionException("Read timed out", "08000", 0, new SocketTimeoutException("Read timed out"));
        assertThat(SqlErrors.classify(timeout)).isEqualTo(SqlErrors.Kind.TIMEOUT);
    }

    @Test
    void missingSchemaAndContention() {
        assertThat(SqlErrors.classify(new SQLSyntaxErrorException("Table 'scaler.notes' doesn't exist", "42S02", 1146))).isEqualTo(SqlErrors.Kind.NO_SCHEMA);
        assertThat(SqlErrors.classify(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isEqualTo(SqlErrors.Kind.CONTENTION);
        assertThat(SqlErrors.classify(new SQLException("Deadlock found", "40001", 1213))).isEqualTo(SqlErrors.Kind.CONTENTION);
    }

    @Test
    void anythingElseIsABugNotAnOutage() {
        SqlErrors.Kind kind = SqlErrors.classify(new SQLSyntaxErrorException("You have an error in your SQL syntax", "42000", 1064));

        assertThat(kind).isEqualTo(SqlErrors.Kind.OTHER);
        assertThat(SqlErrors.isOutage(kind)).isFalse();
        assertThat(SqlErrors.isOutage(SqlErrors.Kind.READ_ONLY)).isTrue();
    }
}
