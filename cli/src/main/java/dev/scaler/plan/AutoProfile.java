package dev.scaler.plan;

import dev.scaler.topology.ImageProfile;
import dev.scaler.topology.Topology;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How {@code images: auto} becomes a profile, cheapest question first, so that no answer waits on a network timeout
 * it does not need: the offline images when every one the topology needs is scaler's recorded build on this engine
 * (nothing is asked of a registry); else the upstream images when the engine has them all; else the upstream images
 * when the registry answers (a short, bounded probe); else no profile, with one message saying what to run.
 */
public final class AutoProfile {
    private AutoProfile() {
    }

    /** The outcome: a profile and why, or why none is usable. */
    public sealed interface Choice {
    }

    /** A usable profile and the reason it was chosen, for one line of output. */
    public record Chosen(ImageProfile profile, String why) implements Choice {
    }

    /** Neither profile is usable; {@code offlineProblem} says why the offline one is not. */
    public record NoneUsable(String offlineProblem) implements Choice {
    }

    /**
     * The profile for a topology. {@code offline} judges a tag of the offline profile, {@code present} says whether
     * the engine has an image, {@code registryAnswers} probes the registry (called only when nothing local decides).
     */
    public static Choice choose(Topology t, Function<String, Provenance> offline, Predicate<String> present,
            BooleanSupplier registryAnswers) {
        String offlineProblem = offlineProblem(t, offline).orElse("");
        if (offlineProblem.isEmpty()) {
            return new Chosen(ImageProfile.OFFLINE, "the offline images are built here");
        }
        if (Planner.plan(t.withImages(ImageProfile.UPSTREAM)).images().stream().allMatch(present)) {
            return new Chosen(ImageProfile.UPSTREAM, "the engine has every upstream image");
        }
        if (registryAnswers.getAsBoolean()) {
            return new Chosen(ImageProfile.UPSTREAM, "the offline images are not usable (" + offlineProblem
                    + ") and the registry answers");
        }
        return new NoneUsable(offlineProblem);
    }

    /** Why the offline profile cannot run this topology here; empty when it can. */
    private static Optional<String> offlineProblem(Topology t, Function<String, Provenance> offline) {
        Topology o = t.withImages(ImageProfile.OFFLINE);
        var unsupported = Planner.unsupported(o);
        if (!unsupported.isEmpty()) {
            return Optional.of(String.join(", ", unsupported));
        }
        return Planner.plan(o).images().stream().filter(i -> LocalBuilds.name(i).isPresent()).map(offline)
                .filter(p -> !p.ours()).findFirst().map(p -> p.image() + " is " + p.state());
    }
}
