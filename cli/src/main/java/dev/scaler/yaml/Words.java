package dev.scaler.yaml;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Small helpers for messages: lists of alternatives and the nearest valid spelling. */
public final class Words {

    private Words() {
    }

    /** {@code a}, {@code a or b}, {@code one of a, b or c}. */
    public static String alternatives(List<String> values) {
        return switch (values.size()) {
            case 0 -> "nothing";
            case 1 -> values.get(0);
            case 2 -> values.get(0) + " or " + values.get(1);
            default -> "one of " + String.join(", ", values.subList(0, values.size() - 1)) + " or "
                    + values.get(values.size() - 1);
        };
    }

    /**
     * The candidate closest to {@code given} by {@link #distance} (ignoring case), when it is close enough to be
     * a likely typo: at most one edit for short words, two from six letters, three from nine.
     */
    public static Optional<String> nearest(String given, Collection<String> candidates) {
        String lower = given.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, lower.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit && !given.equals(best) ? Optional.of(best) : Optional.empty();
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of two neighbours (optimal string
     * alignment), so that {@code nmae} is one edit from {@code name}.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
