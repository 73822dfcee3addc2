package dev.scaler.cli;

import dev.scaler.plan.Diff;
import java.util.ArrayList;

/** One line that says what an `up` changed. */
final class Summary {
    private Summary() {
    }

    static String of(Diff diff) {
        var parts = new ArrayList<String>();
        if (!diff.create().isEmpty()) {
            parts.add(diff.create().size() + " created");
        }
        if (!diff.replace().isEmpty()) {
            parts.add(diff.replace().size() + " replaced");
        }
        if (!diff.start().isEmpty()) {
            parts.add(diff.start().size() + " restarted");
        }
        if (!diff.remove().isEmpty()) {
            parts.add(diff.remove().size() + " removed");
        }
        if (!diff.unchanged().isEmpty()) {
            parts.add(diff.unchanged().size() + " unchanged");
        }
        return String.join(", ", parts);
    }
}
