package dev.scaler.webapp;

import java.util.Locale;
import java.util.Optional;

/** Where note reads go after a cache miss; the same words as `database.readsFrom` in the topology. */
public enum ReadsFrom {
    REPLICAS,
    PRIMARY;

    static Optional<ReadsFrom> parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "replicas" -> Optional.of(REPLICAS);
            case "primary" -> Optional.of(PRIMARY);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
