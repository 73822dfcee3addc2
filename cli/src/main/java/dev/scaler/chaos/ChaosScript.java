package dev.scaler.chaos;

/** What a file under chaos-scripts/ holds: one experiment, or a gameday that runs several. */
public sealed interface ChaosScript permits Experiment, Gameday {

    /** The name {@code scaler chaos NAME} runs it by. */
    String name();

    String description();
}
