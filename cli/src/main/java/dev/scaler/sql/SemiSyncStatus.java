package dev.scaler.sql;

import java.util.Map;

/**
 * Semi-synchronous replication as a server's status variables tell it ({@link Dialect#semiSyncStatusQuery()}), read
 * with {@link Dialect#semiSyncStatus(Map)}.
 *
 * @param sourceOn this server waits for a replica's acknowledgement of each commit (off when it fell back to
 *        asynchronous after a timeout, or when not enabled)
 * @param replicaOn this server, as a replica, acknowledges what it receives
 * @param sourceClients replicas connected in semi-synchronous mode
 * @param acknowledged commits a replica acknowledged
 * @param notAcknowledged commits that went on without an acknowledgement (timeout or no replica)
 */
public record SemiSyncStatus(boolean sourceOn, boolean replicaOn, int sourceClients, long acknowledged,
        long notAcknowledged) {

    /** Reads {@code Variable_name -> Value}; names are looked up without regard to case, missing ones count as off/0. */
    static SemiSyncStatus read(Map<String, String> variables, String source, String replica) {
        var v = new java.util.TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        v.putAll(variables);
        return new SemiSyncStatus(on(v.get("Rpl_semi_sync_" + source + "_status")),
                on(v.get("Rpl_semi_sync_" + replica + "_status")),
                (int) number(v.get("Rpl_semi_sync_" + source + "_clients")),
                number(v.get("Rpl_semi_sync_" + source + "_yes_tx")),
                number(v.get("Rpl_semi_sync_" + source + "_no_tx")));
    }

    private static boolean on(String value) {
        return value != null && (value.equalsIgnoreCase("ON") || value.equals("1"));
    }

    private static long number(String value) {
        return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
    }
}
