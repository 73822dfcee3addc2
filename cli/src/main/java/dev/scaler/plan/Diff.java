package dev.scaler.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What `up` must do to turn the observed containers of a project into the plan. */
public record Diff(List<ContainerSpec> create, List<Replacement> replace, List<ObservedContainer> start,
        List<ObservedContainer> remove, List<ObservedContainer> unchanged) {

    /** A container whose spec changed: the old one goes, the new one comes. */
    public record Replacement(ObservedContainer old, ContainerSpec spec) {
    }

    public Diff {
        create = List.copyOf(create);
        replace = List.copyOf(replace);
        start = List.copyOf(start);
        remove = List.copyOf(remove);
        unchanged = List.copyOf(unchanged);
    }

    /** Compares the plan, with each container's wanted digest, against what runs. */
    public static Diff between(Plan plan, Map<String, String> wantedHashes, List<ObservedContainer> observed) {
        // A run's load generators belong to the run, which removes them; they are not the plan's to change.
        Map<String, ObservedContainer> byName = observed.stream().filter(c -> !Tier.GENERATOR.label().equals(c.tier()))
                .collect(Collectors.toMap(ObservedContainer::name, Function.identity(), (a, b) -> a));
        var create = new ArrayList<ContainerSpec>();
        var replace = new ArrayList<Replacement>();
        var start = new ArrayList<ObservedContainer>();
        var unchanged = new ArrayList<ObservedContainer>();
        for (ContainerSpec spec : plan.containers()) {
            ObservedContainer old = byName.remove(spec.name());
            if (old == null) {
                create.add(spec);
            } else if (!old.specHash().equals(wantedHashes.get(spec.name()))) {
                replace.add(new Replacement(old, spec));
            } else if (!old.running()) {
                start.add(old);
            } else {
                unchanged.add(old);
            }
        }
        return new Diff(create, replace, start, List.copyOf(byName.values()), unchanged);
    }

    /** True when the system already is what the plan says. */
    public boolean empty() {
        return create.isEmpty() && replace.isEmpty() && start.isEmpty() && remove.isEmpty();
    }
}
