package dev.scaler.report;

import java.util.ArrayList;
import java.util.List;

/** A plain text table with columns as wide as their widest cell; the first column left, the others right aligned. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private boolean left;

    public TextTable(String... header) {
        rows.add(header);
    }

    /** Every column left aligned (for text rather than figures). */
    public TextTable left() {
        left = true;
        return this;
    }

    public TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    public String render(String indent) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        java.util.Arrays.fill(width, 1);
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        var out = new StringBuilder();
        for (String[] r : rows) {
            var line = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                line.append(i == 0 || left ? (i == 0 ? "" : "  ") + String.format("%-" + width[i] + "s", r[i]) : String.format("  %" + width[i] + "s", r[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
