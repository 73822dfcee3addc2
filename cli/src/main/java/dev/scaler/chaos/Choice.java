package dev.scaler.chaos;

import java.util.List;

/**
 * The containers a target resolved to, and what they were chosen from, so the run can record
 * "starter-web-2, chosen at random among starter-web-1, starter-web-2, starter-web-3".
 */
public record Choice(List<Member> chosen, List<Member> candidates) {

    public Choice {
        chosen = List.copyOf(chosen);
        candidates = List.copyOf(candidates);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("a choice holds at least one member");
        }
    }

    /** Whether a random draw decided it (one chosen among several). */
    public boolean random() {
        return chosen.size() == 1 && candidates.size() > 1;
    }

    /** The chosen containers' names. */
    public List<String> names() {
        return chosen.stream().map(Member::container).toList();
    }
}
