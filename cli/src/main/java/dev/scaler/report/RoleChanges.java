package dev.scaler.report;

import dev.scaler.monitor.Snapshot;
import dev.scaler.monitor.Vitals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The moments a server's own answer about its role changed during a run: a replica promoted to primary, an old
 * primary back as a replica. Read from the servers' answers in the samples, not from the labels Docker keeps (which
 * say what the topology planned), so a failover shows when it happened.
 */
final class RoleChanges {
    private RoleChanges() {
    }

    /**
     * Every change of a role a server said itself (database, shard and cache nodes), timed by the first sample that
     * said it, in seconds after {@code start} (epoch milliseconds); only those within the first {@code seconds}. A
     * sample in which the server did not answer changes nothing: its last answer stands until it answers again.
     */
    static List<Report.RoleChange> of(List<Snapshot> samples, long start, int seconds) {
        var said = new HashMap<String, String>();
        var out = new ArrayList<Report.RoleChange>();
        for (Snapshot s : samples) {
            for (Vitals v : s.containers()) {
                if (!v.answered() || !saysItsRole(v)) {
                    continue;
                }
                String before = said.put(v.container(), v.role());
                if (before != null && !before.equals(v.role()) && s.at() >= start
                        && s.at() < start + seconds * 1000L) {
                    // Shards are drawn on the database panel.
                    out.add(new Report.RoleChange((s.at() - start) / 1000.0, v.container(),
                            v.tier().equals("shard") ? "database" : v.tier(), before, v.role()));
                }
            }
        }
        return out;
    }

    /** Nodes whose role in their vitals is their own answer (INFO's role, SQL's replica status), not a label. */
    private static boolean saysItsRole(Vitals v) {
        return (v.tier().equals("database") || v.tier().equals("shard") || v.tier().equals("cache"))
                && (v.role().equals("primary") || v.role().startsWith("replica") || v.role().equals("fenced"));
    }
}
