package dev.scaler.load;

/**
 * What one generator of several sent, so a generator that could not keep up shows: its dropped arrivals (never sent,
 * its schedule fell behind or its cap on unfinished journeys was reached) and its own p99.
 *
 * @param p99Ms null when it sent nothing
 */
public record GeneratorFigures(int generator, long seed, double rate, long attempts, long successes, long failed,
        long dropped, Double p99Ms) {
}
