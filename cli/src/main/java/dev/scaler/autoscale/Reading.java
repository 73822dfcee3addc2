package dev.scaler.autoscale;

import java.util.OptionalDouble;

/**
 * What the controller saw at one moment: {@code at} seconds on its own clock, the replicas serving, and the target's
 * vital sign (empty when no replica said it).
 */
public record Reading(double at, int replicas, OptionalDouble observed) {
}
