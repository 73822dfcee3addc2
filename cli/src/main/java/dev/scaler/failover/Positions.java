package dev.scaler.failover;

import java.util.Map;
import java.util.Optional;

/** Compares GTID positions in one SQL dialect: which node has received the most. */
@FunctionalInterface
public interface Positions {
    /** The node whose position contains every other's, if there is one. */
    Optional<String> mostAdvanced(Map<String, String> positionByNode);
}
