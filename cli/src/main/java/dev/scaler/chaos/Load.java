package dev.scaler.chaos;

import dev.scaler.load.JourneyMix;
import dev.scaler.load.LoadShape;
import java.time.Duration;

/**
 * The load an experiment runs under, as the file says; the same meaning and defaults as {@code scaler load}'s
 * options.
 *
 * @param shape    arrivals per second over time: a constant rate, or stages (open model: scheduled by the clock, not
 *                 by responses)
 * @param timeout  a request slower than this is a failure
 * @param users    the pool of simulated users u1..uN
 */
public record Load(LoadShape shape, JourneyMix journeys, Duration timeout, int users) {

    public static final double DEFAULT_RATE = 50;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_USERS = 50;

    /** Every field at its default, as {@code scaler load} with no options. */
    public static final Load DEFAULT = new Load(DEFAULT_RATE, DEFAULT_DURATION, JourneyMix.DEFAULT, DEFAULT_TIMEOUT,
            DEFAULT_USERS);

    /** {@code rate} arrivals per second for {@code duration}. */
    public Load(double rate, Duration duration, JourneyMix journeys, Duration timeout, int users) {
        this(LoadShape.constant(rate, duration), journeys, timeout, users);
    }

    /** The highest arrival rate (the only one, at a constant rate). */
    public double rate() {
        return shape.peak();
    }

    /** How long the load lasts. */
    public Duration duration() {
        return shape.duration();
    }
}
