package dev.scaler.chaos;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a step's targets are resolved against: the project's containers and the names of the Toxiproxy proxies
 * that exist, as seen just before the step runs.
 */
public record Snapshot(List<Member> members, Set<String> proxies) {

    public Snapshot {
        members = List.copyOf(members);
        proxies = java.util.Collections.unmodifiableSet(new TreeSet<>(proxies));
    }
}
