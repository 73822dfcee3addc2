package dev.scaler.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One generator's share of a run sent by several (`--generators N`), as the generator container reads it: every N-th
 * arrival of the whole run's schedule (so all N together keep that one schedule, at a constant rate or along stages),
 * its own seed ({@code seed + index}), its own users (the whole pool cut into N ranges) and the cap on unfinished
 * journeys divided by N.
 *
 * @param index     1..of; the generator sends arrivals index-1, index-1+of, ... of the whole schedule
 * @param targets   where the generator sends, as seen from the project's network
 * @param stages    the whole run's load shape
 * @param firstUser its users are u(firstUser+1)..u(firstUser+users)
 */
public record GeneratorJob(int index, int of, List<String> targets, List<String> homes, List<Stage> stages,
        Map<String, Integer> journeys, long timeoutMillis, long seed, int maxInFlight, int users, int firstUser,
        long warmupMillis) {

    /** The most generators one run starts. */
    public static final int MAX = 32;

    public GeneratorJob {
        targets = List.copyOf(targets);
        homes = List.copyOf(homes);
        stages = List.copyOf(stages);
        journeys = Map.copyOf(journeys);
    }

    /**
     * The N shares of {@code whole}, sent to {@code targets} (the same load balancers as {@code whole.targets()}, in
     * the same order, as the generators reach them).
     */
    public static List<GeneratorJob> split(LoadSpec whole, List<URI> targets, int n, Duration warmup) {
        if (n < 1 || n > MAX) {
            throw new IllegalArgumentException("--generators must be between 1 and " + MAX + ", not " + n);
        }
        if (whole.users() < n) {
            throw new IllegalArgumentException("each generator needs users of its own: --users " + whole.users()
                    + " is fewer than --generators " + n);
        }
        if (targets.size() != whole.targets().size()) {
            throw new IllegalArgumentException("one generator target per target: " + targets.size() + " for "
                    + whole.targets().size());
        }
        var jobs = new ArrayList<GeneratorJob>(n);
        for (int g = 1; g <= n; g++) {
            int first = (int) ((long) (g - 1) * whole.users() / n);
            int last = (int) ((long) g * whole.users() / n);
            jobs.add(new GeneratorJob(g, n, targets.stream().map(URI::toString).toList(), whole.homes(),
                    whole.shape().stages(), whole.mix().labels(), whole.timeout().toMillis(), whole.seed() + g,
                    Math.max(1, (whole.maxInFlight() + n - 1) / n), last - first, first, warmup.toMillis()));
        }
        return jobs;
    }

    /** The load of the whole run as this generator schedules it (it sends its share: {@link LoadGenerator#share}). */
    public LoadSpec spec() {
        var mix = new StringBuilder();
        journeys.forEach((k, v) -> mix.append(mix.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return new LoadSpec(targets.stream().map(URI::create).toList(), new LoadShape(stages),
                JourneyMix.parse(mix.toString()), Duration.ofMillis(timeoutMillis), seed, maxInFlight, users, homes);
    }

    /** Its share of the run's peak rate, for the per-generator table. */
    public double rate() {
        return new LoadShape(stages).peak() / of;
    }
}
