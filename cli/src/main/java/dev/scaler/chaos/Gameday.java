package dev.scaler.chaos;

import java.time.Duration;
import java.util.List;

/**
 * Several experiments run one after another, each reported on its own.
 *
 * @param experiments the names of the experiments, in the order they run
 * @param settle      the wait between the end of one experiment and the start of the next
 */
public record Gameday(String name, String description, List<String> experiments, Duration settle)
        implements ChaosScript {

    public Gameday {
        experiments = List.copyOf(experiments);
    }
}
