package dev.scaler.provision;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads HAProxy's {@code show servers state <backend>} answer: where the router's route leads now. */
final class RouterState {
    private RouterState() {
    }

    /** The name the backend's server resolves (its {@code srv_fqdn}), if the answer has one. */
    static Optional<String> fqdn(String answer) {
        List<String> header = List.of();
        for (String line : answer.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#")) {
                header = Arrays.asList(trimmed.substring(1).trim().split("\\s+"));
            } else if (!header.isEmpty() && !trimmed.isEmpty()) {
                int column = header.indexOf("srv_fqdn");
                String[] fields = trimmed.split("\\s+");
                if (column >= 0 && column < fields.length && !fields[column].equals("-")) {
                    return Optional.of(fields[column]);
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
