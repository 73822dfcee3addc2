package dev.scaler.cli;

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
 * The journeys a load run sends: by default those the project can serve; a mix asked for explicitly with a journey it
 * cannot serve is refused before anything is sent (a web tier without a database answers every note 501).
 */
final class Journeys {
    private Journeys() {
    }

    /**
     * What the project's containers can answer: notes with a database or shards, accounts with a main database, jobs
     * with a queue, workers and notes.
     */
    static Serves of(Engine engine, String project) {
        Set<String> tiers = engine.containers(Optional.of(project)).stream().map(c -> c.tier()).collect(Collectors.toSet());
        return of(tiers);
    }

    static Serves of(Set<String> tiers) {
        boolean main = tiers.contains(Tier.DATABASE.label());
        boolean notes = main || tiers.contains(Tier.SHARD.label());
        return new Serves(notes, main, notes && tiers.contains(Tier.QUEUE.label()) && tiers.contains(Tier.WORKERS.label()));
    }

    /** The mix asked for, when {@code serves} covers it; the default it can serve when none was asked for. */
    static JourneyMix choose(Optional<JourneyMix> asked, Serves serves, String project) {
        if (asked.isEmpty()) {
            return JourneyMix.defaultFor(serves);
        }
        if (project.isEmpty()) {
            return asked.get(); // URLs: what stands behind them is not known, so nothing asked for is refused
        }
        List<Journey> unserved = asked.get().unserved(serves);
        if (unserved.isEmpty()) {
            return asked.get();
        }
        String what = unserved.stream().map(j -> j.label() + " needs " + j.needs()).collect(Collectors.joining("; "));
        throw new UsageException("--journeys: " + what + ", and " + project + " has none. Leave --journeys out for the "
                + "journeys it can serve (" + JourneyMix.defaultFor(serves) + "), or leave out "
                + unserved.stream().map(Journey::label).collect(Collectors.joining(" and ")) + ".");
    }
}
