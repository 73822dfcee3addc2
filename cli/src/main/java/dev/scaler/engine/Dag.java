package dev.scaler.engine;

import dev.scaler.plan.ContainerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Orders containers so that each comes after what it depends on. */
final class Dag {
    private Dag() {
    }

    /** A topological order; the planner never makes cycles, so one is a bug and fails loudly. */
    static List<ContainerSpec> order(List<ContainerSpec> containers) {
        Map<String, ContainerSpec> byName = new LinkedHashMap<>();
        containers.forEach(c -> byName.put(c.name(), c));
        var done = new LinkedHashMap<String, ContainerSpec>();
        var visiting = new java.util.HashSet<String>();
        for (ContainerSpec c : containers) {
            visit(c, byName, done, visiting);
        }
        return new ArrayList<>(done.values());
    }

    private static void visit(ContainerSpec c, Map<String, ContainerSpec> byName, Map<String, ContainerSpec> done,
            java.util.Set<String> visiting) {
        if (done.containsKey(c.name())) {
            return;
        }
        if (!visiting.add(c.name())) {
            throw new IllegalStateException("dependency cycle through " + c.name());
        }
        for (String d : c.dependsOn()) {
            ContainerSpec dep = byName.get(d);
            if (dep != null) {
                visit(dep, byName, done, visiting);
            }
        }
        done.put(c.name(), c);
    }
}
