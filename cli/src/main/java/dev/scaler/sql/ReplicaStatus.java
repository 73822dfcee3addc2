package dev.scaler.sql;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One row of a replica's status ({@link Dialect#replicaStatusQuery()}), typed; read with
 * {@link Dialect#replicaStatus(Map)}.
 *
 * @param sourceHost the source it replicates from
 * @param sourcePort its port
 * @param ioThread whether the receiver (IO) thread is connected to the source
 * @param sqlThread whether the applier (SQL) thread runs
 * @param secondsBehind the applier's lag behind the source; empty when unknown (a thread stopped or not connected)
 * @param retrievedGtid what was received from the source (MariaDB {@code Gtid_IO_Pos}, MySQL {@code
 *        Retrieved_Gtid_Set}), in the server's notation
 * @param executedGtid what this server has applied (MariaDB {@code Gtid_Slave_Pos}, MySQL {@code Executed_Gtid_Set})
 * @param autoPosition whether it replicates by GTID (MariaDB {@code Using_Gtid} not "No", MySQL {@code Auto_Position})
 * @param lastIoError the receiver's last error, empty if none
 * @param lastSqlError the applier's last error, empty if none
 */
public record ReplicaStatus(String sourceHost, int sourcePort, ThreadState ioThread, ThreadState sqlThread,
        OptionalLong secondsBehind, String retrievedGtid, String executedGtid, boolean autoPosition,
        String lastIoError, String lastSqlError) {

    /** A replication thread as the status row says it: "Yes", "Connecting" or "No". */
    public enum ThreadState {
        RUNNING, CONNECTING, STOPPED;

        static ThreadState parse(String column, String value) {
            return switch (value == null ? "" : value) {
                case "Yes" -> RUNNING;
                case "Connecting" -> CONNECTING;
                case "No", "" -> STOPPED;
                default -> throw new IllegalArgumentException(column + ": unexpected value " + value);
            };
        }
    }

    /** The receiver is connected to the source. */
    public boolean ioRunning() {
        return ioThread == ThreadState.RUNNING;
    }

    /** The applier runs. */
    public boolean sqlRunning() {
        return sqlThread == ThreadState.RUNNING;
    }

    /** Both threads run and neither reports an error. */
    public boolean replicating() {
        return ioRunning() && sqlRunning() && lastIoError.isEmpty() && lastSqlError.isEmpty();
    }

    /** Reads a status row with the given column names (they differ between the dialects). */
    static ReplicaStatus read(Map<String, String> row, Columns c) {
        String behind = value(row, c.secondsBehind());
        String port = value(row, c.sourcePort());
        return new ReplicaStatus(value(row, c.sourceHost()), port.isEmpty() ? 0 : Integer.parseInt(port),
                ThreadState.parse(c.ioRunning(), value(row, c.ioRunning())),
                ThreadState.parse(c.sqlRunning(), value(row, c.sqlRunning())),
                behind.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(behind)),
                oneLine(value(row, c.retrievedGtid())), oneLine(value(row, c.executedGtid())),
                c.autoPosition().test(value(row, c.autoPositionColumn())),
                value(row, c.lastIoError()), value(row, c.lastSqlError()));
    }

    /** The column names of a dialect's status row. */
    record Columns(String sourceHost, String sourcePort, String ioRunning, String sqlRunning, String secondsBehind,
            String retrievedGtid, String executedGtid, String autoPositionColumn,
            java.util.function.Predicate<String> autoPosition, String lastIoError, String lastSqlError) {
    }

    private static String value(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null ? "" : v.strip();
    }

    // MySQL prints long GTID sets with a newline after each comma.
    private static String oneLine(String gtid) {
        return gtid.replaceAll("\\s+", "");
    }
}
