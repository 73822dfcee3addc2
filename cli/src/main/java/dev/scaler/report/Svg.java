package dev.scaler.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/** Timeline charts as inline SVG (no script, no external resource): one x axis in seconds, faults drawn on it. */
final class Svg {
    static final int WIDTH = 1040;
    static final int HEIGHT = 210;
    static final int LEFT = 60;
    static final int RIGHT = 16;
    static final int TOP = 22;
    static final int BOTTOM = 30;

    private final StringBuilder body = new StringBuilder();
    private final double seconds;
    private final DoubleUnaryOperator y;

    /** @param y maps a value to a fraction of the plot's height, 0 at the bottom, 1 at the top */
    Svg(double seconds, DoubleUnaryOperator y) {
        this.seconds = Math.max(1, seconds);
        this.y = y;
    }

    static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    double x(double t) {
        return LEFT + Math.max(0, Math.min(seconds, t)) / seconds * plotWidth();
    }

    double yOf(double value) {
        double f = Math.max(0, Math.min(1, y.applyAsDouble(value)));
        return TOP + (1 - f) * plotHeight();
    }

    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Shades the fault phase and draws each fault (red) and heal (green) with its label. */
    Svg faults(Report report) {
        Double from = null;
        Double to = null;
        for (var p : report.phases()) {
            if (p.phase().equals(Phases.FAULT) && p.windows() > 0) {
                from = p.from();
                to = p.to();
            }
        }
        if (from != null) {
            body.append("<rect class=\"fault-phase\" x=\"").append(n(x(from))).append("\" y=\"").append(TOP)
                    .append("\" width=\"").append(n(Math.max(1, x(to) - x(from)))).append("\" height=\"")
                    .append(n(plotHeight())).append("\"><title>fault phase ").append(Format.seconds(from)).append("-")
                    .append(Format.seconds(to)).append("</title></rect>\n");
        }
        return this;
    }

    Svg markers(Report report) {
        for (Event e : report.events()) {
            if (!e.injects() && !e.heals()) {
                continue;
            }
            String cls = e.injects() ? "fault-line" : "heal-line";
            String label = e.injects() ? (e.action() + " " + e.target()).strip() : (e.type() + " " + e.target()).strip();
            double xe = x(e.t());
            body.append("<line class=\"").append(cls).append("\" x1=\"").append(n(xe)).append("\" x2=\"").append(n(xe))
                    .append("\" y1=\"").append(TOP - 4).append("\" y2=\"").append(TOP + plotHeight()).append("\"><title>")
                    .append(Html.escape(label + " at " + Format.seconds(e.t()))).append("</title></line>\n");
            boolean right = xe > WIDTH - 180;
            body.append("<text class=\"").append(cls).append("-label\" x=\"").append(n(right ? xe - 4 : xe + 4))
                    .append("\" y=\"").append(TOP + 8).append("\"").append(right ? " text-anchor=\"end\"" : "").append(">")
                    .append(Html.escape(label)).append("</text>\n");
        }
        return this;
    }

    /**
     * A dashed line at each change of a server's role, labelled below the fault labels ("db-2 → primary"); labels of
     * changes close together are stacked.
     */
    Svg roles(List<Report.RoleChange> changes) {
        return changeLines(changes.stream().map(c -> new ChangeLine(c.t(), c.container() + " \u2192 " + c.to(),
                c.container() + ": " + c.from() + " \u2192 " + c.to() + " at " + Format.seconds(c.t()))).toList());
    }

    /** The same dashed line where a task of a swarm ran again after it was lost ("web-2 → node-1"). */
    Svg moves(List<Event> events) {
        return changeLines(events.stream().filter(e -> Event.TASK.equals(e.type()) && !e.action().equals("lost"))
                .map(e -> new ChangeLine(e.t(), e.target() + " \u2192 " + e.detail().replaceFirst("^.*(->|on) ", ""),
                        e.target() + " " + e.action() + " " + e.detail() + " at " + Format.seconds(e.t()))).toList());
    }

    private record ChangeLine(double t, String label, String title) {
    }

    private Svg changeLines(List<ChangeLine> lines) {
        double lastX = Double.NEGATIVE_INFINITY;
        int stacked = 0;
        for (var c : lines) {
            double xe = x(c.t());
            stacked = xe - lastX < 150 ? stacked + 1 : 0;
            lastX = xe;
            body.append("<line class=\"role-line\" x1=\"").append(n(xe)).append("\" x2=\"").append(n(xe))
                    .append("\" y1=\"").append(TOP - 4).append("\" y2=\"").append(TOP + plotHeight()).append("\"><title>")
                    .append(Html.escape(c.title())).append("</title></line>\n");
            boolean right = xe > WIDTH - 180;
            body.append("<text class=\"role-line-label\" x=\"").append(n(right ? xe - 4 : xe + 4)).append("\" y=\"")
                    .append(TOP + 22 + 13 * stacked).append("\"").append(right ? " text-anchor=\"end\"" : "")
                    .append(">").append(Html.escape(c.label())).append("</text>\n");
        }
        return this;
    }

    /** A dotted line where the autoscaler decided, its decision and figures in the tooltip. */
    Svg decision(Event e) {
        double xe = x(e.t());
        body.append("<line class=\"decision-line\" x1=\"").append(n(xe)).append("\" x2=\"").append(n(xe))
                .append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + plotHeight()).append("\"><title>")
                .append(Html.escape(e.action() + " at " + Format.seconds(e.t()) + ": " + e.detail()))
                .append("</title></line>\n");
        return this;
    }

    /** Horizontal grid lines with labels at the given values. */
    Svg yTicks(List<Double> values, java.util.function.DoubleFunction<String> label) {
        for (double v : values) {
            double yy = yOf(v);
            body.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(n(yy)).append("\" y2=\"").append(n(yy)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(n(yy + 4))
                    .append("\" text-anchor=\"end\">").append(Html.escape(label.apply(v))).append("</text>\n");
        }
        return this;
    }

    /** Labels at the right edge for a second scale drawn on the same plot (fractions 0..1 of its height). */
    Svg rightTicks(List<Double> fractions, java.util.function.DoubleFunction<String> label) {
        return rightTicks("p99", fractions, label);
    }

    /** The same, in the colour of the line of class {@code cls} they are the scale of. */
    Svg rightTicks(String cls, List<Double> fractions, java.util.function.DoubleFunction<String> label) {
        for (double f : fractions) {
            double yy = TOP + (1 - f) * plotHeight();
            // Inside the plot, right-aligned above the value: the margin is too narrow for a label.
            body.append("<text class=\"tick ").append(cls).append("-tick\" x=\"").append(WIDTH - RIGHT - 2)
                    .append("\" y=\"").append(n(yy - 3)).append("\" text-anchor=\"end\">").append(Html.escape(label.apply(f)))
                    .append("</text>\n");
        }
        return this;
    }

    Svg xTicks() {
        double[] steps = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};
        double step = steps[steps.length - 1];
        for (double s : steps) {
            if (seconds / s <= 12) {
                step = s;
                break;
            }
        }
        for (double t = 0; t <= seconds + 1e-9; t += step) {
            double xx = x(t);
            body.append("<line class=\"axis\" x1=\"").append(n(xx)).append("\" x2=\"").append(n(xx)).append("\" y1=\"")
                    .append(n(TOP + plotHeight())).append("\" y2=\"").append(n(TOP + plotHeight() + 4)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(n(xx)).append("\" y=\"").append(n(TOP + plotHeight() + 17))
                    .append("\" text-anchor=\"middle\">").append((long) t).append("s</text>\n");
        }
        body.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(n(TOP + plotHeight())).append("\" y2=\"").append(n(TOP + plotHeight())).append("\"/>\n");
        return this;
    }

    /** A step line through one value per window (null: a gap), optionally filled down to the axis. */
    Svg steps(String cls, List<Double> values, boolean fill) {
        var segments = new ArrayList<StringBuilder>();
        StringBuilder current = null;
        for (int k = 0; k < values.size(); k++) {
            Double v = values.get(k);
            if (v == null) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                segments.add(current);
            }
            current.append(n(x(k))).append(',').append(n(yOf(v))).append(' ').append(n(x(k + 1))).append(',')
                    .append(n(yOf(v))).append(' ');
        }
        for (var s : segments) {
            String points = s.toString().strip();
            if (fill) {
                String first = points.substring(0, points.indexOf(','));
                String last = points.substring(points.lastIndexOf(' ') + 1, points.lastIndexOf(','));
                body.append("<polygon class=\"").append(cls).append("-area\" points=\"").append(first).append(',')
                        .append(n(TOP + plotHeight())).append(' ').append(points).append(' ').append(last).append(',')
                        .append(n(TOP + plotHeight())).append("\"/>\n");
            }
            body.append("<polyline class=\"").append(cls).append("\" points=\"").append(points).append("\"/>\n");
        }
        return this;
    }

    /** A bar per window from {@code base} to {@code top} (values, not pixels), with a tooltip. */
    Svg bar(String cls, int k, double base, double top, String title) {
        if (top <= base) {
            return this;
        }
        double x0 = x(k) + 0.5;
        double w = Math.max(0.8, x(k + 1) - x(k) - 1);
        body.append("<rect class=\"").append(cls).append("\" x=\"").append(n(x0)).append("\" y=\"").append(n(yOf(top)))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(Math.max(0.5, yOf(base) - yOf(top))))
                .append("\"><title>").append(Html.escape(title)).append("</title></rect>\n");
        return this;
    }

    Svg hline(String cls, double value, String title) {
        double yy = yOf(value);
        body.append("<line class=\"").append(cls).append("\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(n(yy)).append("\" y2=\"").append(n(yy)).append("\"><title>")
                .append(Html.escape(title)).append("</title></line>\n");
        return this;
    }

    String render(String label) {
        return "<svg class=\"chart\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\" aria-label=\""
                + Html.escape(label) + "\">\n" + body + "</svg>\n";
    }
}
