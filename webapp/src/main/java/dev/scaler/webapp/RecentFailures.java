package dev.scaler.webapp;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses of a name that failed to connect lately, and the order to try a name's addresses in: those that
 * did not fail first (in the resolver's order, which Docker's DNS rotates), then the failed ones, longest ago first,
 * as a last resort. A dead address then costs one connect timeout, not one per connection.
 */
final class RecentFailures {
    private final Duration memory;
    private final Clock clock;
    private final Map<InetAddress, Instant> failed = new ConcurrentHashMap<>();

    RecentFailures(Duration memory, Clock clock) {
        this.memory = memory;
        this.clock = clock;
    }

    /** The order to try these addresses in. */
    List<InetAddress> order(List<InetAddress> addresses) {
        Instant now = clock.instant();
        var fresh = new ArrayList<InetAddress>();
        var stale = new ArrayList<InetAddress>();
        for (InetAddress a : addresses) {
            Instant when = failed.get(a);
            if (when == null || when.plus(memory).isBefore(now)) {
                fresh.add(a);
            } else {
                stale.add(a);
            }
        }
        stale.sort(Comparator.comparing(failed::get));
        fresh.addAll(stale);
        return fresh;
    }

    void failed(InetAddress address) {
        failed.put(address, clock.instant());
    }

    void answered(InetAddress address) {
        failed.remove(address);
    }
}
