package dev.scaler.chaos;

import dev.scaler.plan.Tier;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Collectors;

/**
 * Resolves a target against the containers as they are when its step runs. Roles are the ones the services
 * report in the {@link Snapshot}, so {@code database.primary} is whoever is primary now. A target without
 * {@code [*]} names one container, drawn from the matches with the run's random generator (seeded, so a run
 * can be replayed); the candidates are put in a fixed order first, so the draw does not depend on Docker's.
 */
public final class Targets {

    /** Roles of helpers that share a tier with data nodes and are never taken for them. */
    private static final String SENTINEL = "sentinel";
    private static final String ROUTER = "router";

    /** The algorithm of {@link #random}: fixed, so that a seed means the same draws on every JDK. */
    private static final String ALGORITHM = "L64X128MixRandom";

    private Targets() {
    }

    /**
     * The generator a run draws its random choices from, one draw per target without {@code [*]}, in schedule
     * order. The dry run draws the same way, so with the same seed and the same containers it shows the choices
     * the run will make.
     */
    public static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of(ALGORITHM).create(seed);
    }

    /**
     * The state a container must be in for the action to mean something: kill, stop and pause act on running
     * containers, start on stopped ones, unpause on paused ones. A restore has none: it acts on the containers
     * the fault it undoes chose ({@link Schedule.Apply#undoes()}), whatever they are now.
     */
    public static Member.State wanted(ContainerAction action) {
        return switch (action) {
            case ContainerAction.Kill k -> Member.State.RUNNING;
            case ContainerAction.Stop s -> Member.State.RUNNING;
            case ContainerAction.Pause p -> Member.State.RUNNING;
            case ContainerAction.Start s -> Member.State.STOPPED;
            case ContainerAction.Unpause u -> Member.State.PAUSED;
            case ContainerAction.Restore r -> throw new IllegalArgumentException(
                    "a restore acts on what the fault it undoes chose, not on a fresh resolution");
        };
    }

    /** The containers an action acts on now (see {@link #wanted}). */
    public static Choice choose(ContainerAction action, Snapshot snapshot, RandomGenerator random)
            throws TargetNotFoundException {
        return choose(action.target(), wanted(action), snapshot, random);
    }

    /** The containers {@code target} names among those in state {@code wanted}. */
    public static Choice choose(Target target, Member.State wanted, Snapshot snapshot, RandomGenerator random)
            throws TargetNotFoundException {
        List<Member> ofTarget = snapshot.members().stream().filter(m -> inScope(target, m)).sorted(Member.ORDER)
                .toList();
        List<Member> candidates = ofTarget.stream().filter(m -> m.state() == wanted && hasRole(target, m)).toList();
        if (candidates.isEmpty()) {
            throw new TargetNotFoundException(notFound(target, wanted, ofTarget));
        }
        boolean every = target instanceof Target.Datacenter || target instanceof Target.Nodes n && n.every();
        List<Member> chosen = every ? candidates : List.of(candidates.get(random.nextInt(candidates.size())));
        return new Choice(chosen, candidates);
    }

    /** Whether the member is one the target could name, whatever its state and role. */
    static boolean inScope(Target target, Member m) {
        return switch (target) {
            case Target.Datacenter dc -> m.datacenter().equals(Optional.of(dc.name()));
            case Target.Nodes n -> m.tier().equals(n.tier().label()) && !excluded(n, m) && switch (n.pick()) {
                case Pick.Number number when n.tier() == Tier.SHARD -> m.shard().equals(Optional.of(number.value()));
                case Pick.Number number -> m.index() == number.value();
                default -> true;
            };
        };
    }

    /**
     * The helpers that share a tier with data nodes: the database router is never a database node, and the
     * Sentinels are cache nodes only for cache.sentinel (which names nothing else).
     */
    private static boolean excluded(Target.Nodes n, Member m) {
        return switch (n.tier()) {
            case DATABASE -> m.role().equals(ROUTER) || m.index() == 0;
            case CACHE -> n.role().equals(Optional.of(Role.SENTINEL)) ? !m.role().equals(SENTINEL)
                    : m.role().equals(SENTINEL);
            default -> false;
        };
    }

    /** Whether the member says it has the role the target asks for (always, when it asks for none). */
    static boolean hasRole(Target target, Member m) {
        return !(target instanceof Target.Nodes n) || n.role().map(r -> r.spelling().equals(m.role())).orElse(true);
    }

    private static String notFound(Target target, Member.State wanted, List<Member> ofTarget) {
        String state = switch (wanted) {
            case RUNNING -> "running ";
            case PAUSED -> "paused ";
            case STOPPED -> "stopped ";
        };
        if (ofTarget.isEmpty()) {
            return "no container is " + target.text() + ": the project has " + switch (target) {
                case Target.Datacenter dc -> "no container in datacenter " + dc.name();
                case Target.Nodes n -> "no " + n.tier().label() + " container" + (n.pick() instanceof Pick.Number p
                        ? (n.tier() == Tier.SHARD ? " in shard " : " number ") + p.value() : "");
            };
        }
        return "no " + state + "container is " + target.text() + " right now: " + ofTarget.stream()
                .map(Member::describe).collect(Collectors.joining(", "));
    }
}
