package dev.scaler.cli;

import dev.scaler.chaos.Experiment;
import dev.scaler.engine.Engine;
import dev.scaler.load.Journey;
import dev.scaler.load.JourneyMix;
import dev.scaler.load.Serves;
import dev.scaler.plan.Tier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The journeys a run sends: by default those the project can serve; a mix asked for explicitly (by --journeys or an
 * experiment's load) with a journey it cannot serve is refused before anything is sent or injected (a web tier
 * without a database answers every note 501).
 */
final class Journeys {
    private Journeys() {
    }

    /** What the project's containers can answer: notes with a database or shards, accounts with a main database. */
    static Serves of(Engine engine, String project) {
        Set<String> tiers = engine.containers(Optional.of(project)).stream().map(c -> c.tier()).collect(Collectors.toSet());
        boolean main = tiers.contains(Tier.DATABASE.label());
        return new Serves(main || tiers.contains(Tier.SHARD.label()), main);
    }

    /** The mix asked for, when {@code serves} covers it; the default it can serve when none was asked for. */
    static JourneyMix choose(Optional<JourneyMix> asked, Serves serves, String project) {
        if (asked.isEmpty()) {
            return JourneyMix.defaultFor(serves);
        }
        var unserved = unserved(asked.get(), serves, project);
        if (unserved.isEmpty()) {
            return asked.get();
        }
        throw new UsageException("--journeys: " + unserved.get() + ". Leave --journeys out for the journeys it can serve ("
                + JourneyMix.defaultFor(serves) + "), or leave out " + labels(asked.get().unserved(serves)) + ".");
    }

    /**
     * Why the experiment's load cannot be sent to the project: a journey it cannot serve (the same rule as `scaler
     * load --journeys`); empty when every journey is served.
     */
    static Optional<String> unservedBy(Experiment e, Serves serves, String project) {
        var mix = e.load().journeys();
        return unserved(mix, serves, project).map(why -> e.name() + " sends journeys " + project + " cannot serve: " + why
                + ". Give the experiment load.journeys without " + labels(mix.unserved(serves)) + " (e.g. journeys: "
                + yaml(JourneyMix.defaultFor(serves)) + "), or run it on a project that has what they need");
    }

    /** Refuses (exit 2, nothing injected) an experiment whose load the project cannot serve. */
    static void refuseUnserved(Experiment e, Serves serves, String project) {
        var why = unservedBy(e, serves, project);
        if (why.isPresent()) {
            throw new UsageException(why.get());
        }
    }

    private static Optional<String> unserved(JourneyMix mix, Serves serves, String project) {
        List<Journey> unserved = mix.unserved(serves);
        if (unserved.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(unserved.stream().map(j -> j.label() + " needs " + j.needs()).collect(Collectors.joining("; "))
                + ", and " + project + " has none");
    }

    private static String labels(List<Journey> journeys) {
        return journeys.stream().map(Journey::label).collect(Collectors.joining(" and "));
    }

    /** The mix as an experiment file writes it: {@code { browse: 60, login: 10 }}. */
    private static String yaml(JourneyMix mix) {
        return mix.weights().entrySet().stream().map(w -> w.getKey().label() + ": " + w.getValue())
                .collect(Collectors.joining(", ", "{ ", " }"));
    }
}
