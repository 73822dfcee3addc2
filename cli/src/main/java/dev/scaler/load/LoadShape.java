package dev.scaler.load;

import dev.scaler.yaml.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arrival rate over a run: stages of linear ramps and holds, k6's {@code ramping-arrival-rate}, of which a
 * constant rate is the one-stage case. Arrival {@code i} is scheduled when the integral of the rate reaches {@code i}
 * (the open model with a varying rate: the schedule is fixed before the first request, so a slow answer never delays
 * the next arrival).
 */
public record LoadShape(List<Stage> stages) {
    /** What {@code --stages} expects, for messages. */
    public static final String EXPECTED = "stages DURATION:RATE separated by commas, each ramping from the previous"
            + " rate (0 before the first) to RATE over DURATION, like 30s:50,60s:400,60s:400,30s:50";

    public LoadShape {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a load shape needs at least one stage");
        }
        double total = stages.stream().mapToDouble(Stage::seconds).sum();
        if (!(total > 0) || total > 86_400) {
            throw new IllegalArgumentException("the stages must last more than 0s and at most 24h in all, not "
                    + total + "s");
        }
        if (stages.stream().allMatch(s -> s.target() == 0)) {
            throw new IllegalArgumentException("at least one stage must have a target above 0");
        }
    }

    /** {@code rate} arrivals per second for {@code duration}: a jump to the rate, then a hold. */
    public static LoadShape constant(double rate, Duration duration) {
        return new LoadShape(List.of(new Stage(0, rate), new Stage(duration.toNanos() / 1e9, rate)));
    }

    /** Reads {@code 30s:50,60s:400,...} (a rate may end in /s); throws with what is wrong and what is expected. */
    public static LoadShape parse(String text) {
        var stages = new ArrayList<Stage>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            String[] dr = p.split(":", -1);
            if (dr.length != 2) {
                throw new IllegalArgumentException("'" + p + "' is not DURATION:RATE; expected " + EXPECTED);
            }
            Duration d = Durations.parse(dr[0].strip()).orElseThrow(() -> new IllegalArgumentException("'" + dr[0].strip()
                    + "' in '" + p + "' is not a duration (a whole number and ms, s, m or h, like 30s)"));
            stages.add(new Stage(d.toNanos() / 1e9, rate(dr[1], p)));
        }
        return new LoadShape(stages);
    }

    private static double rate(String text, String stage) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceFirst("/s$", "");
        try {
            double r = Double.parseDouble(t);
            if (r >= 0 && r <= 1_000_000 && !t.contains("e") && !t.contains("n") && !t.contains("i")) {
                return r;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("'" + text.strip() + "' in '" + stage
                + "' is not a rate (arrivals per second from 0 to 1000000, like 400 or 400/s)");
    }

    /** True for one rate held the whole run. */
    public boolean constant() {
        return stages.stream().allMatch(s -> s.target() == stages.get(0).target()) && stages.get(0).seconds() == 0;
    }

    /** How long the run lasts: the stages' durations added up. */
    public Duration duration() {
        return Duration.ofNanos(Math.round(seconds() * 1e9));
    }

    private double seconds() {
        return stages.stream().mapToDouble(Stage::seconds).sum();
    }

    /** The highest rate the shape reaches. */
    public double peak() {
        return stages.stream().mapToDouble(Stage::target).max().orElseThrow();
    }

    /** One stage placed on the run's clock: from {@code start}, {@code before} arrivals due before it. */
    private record Ramp(double start, double seconds, double from, double to, double before) {
        double area() {
            return (from + to) / 2 * seconds;
        }

        /** The rate {@code tau} seconds into the stage. */
        double rate(double tau) {
            return seconds == 0 ? to : from + (to - from) * tau / seconds;
        }
    }

    private List<Ramp> ramps() {
        var ramps = new ArrayList<Ramp>();
        double from = 0;
        double start = 0;
        double before = 0;
        for (Stage s : stages) {
            var ramp = new Ramp(start, s.seconds(), from, s.target(), before);
            ramps.add(ramp);
            before += ramp.area();
            from = s.target();
            start += s.seconds();
        }
        return ramps;
    }

    /** The target rate at {@code t} seconds after the start (0 outside the run). */
    public double rateAt(double t) {
        if (t < 0 || t > seconds()) {
            return 0;
        }
        Ramp last = null;
        for (Ramp r : ramps()) {
            if (t < r.start() + r.seconds()) {
                return r.rate(t - r.start());
            }
            last = r;
        }
        return last.to();
    }

    /** The integral of the rate from 0 to {@code t}: how many arrivals are due by then. */
    public double arrivalsBy(double t) {
        double sum = 0;
        for (Ramp r : ramps()) {
            if (t <= r.start()) {
                break;
            }
            double in = Math.min(r.seconds(), t - r.start());
            sum += (r.from() + r.rate(in)) / 2 * in;
        }
        return sum;
    }

    /** How many arrivals the run schedules: the whole integral, rounded down, at least one. */
    public long arrivals() {
        return Math.max(1, (long) Math.floor(arrivalsBy(seconds()) + 1e-9));
    }

    /** The mean target rate over second {@code second} of the run: what the report draws against throughput. */
    public double meanRate(int second) {
        return arrivalsBy(second + 1.0) - arrivalsBy(second);
    }

    /**
     * When arrival {@code i} (from 0) is scheduled, nanoseconds after the start: the time the integral of the rate
     * reaches {@code i}, solved within the stage it falls in (a quadratic on a ramp, a division on a hold).
     */
    public long offsetNanos(long i) {
        for (Ramp r : ramps()) {
            if (r.seconds() > 0 && r.area() > 0 && i < r.before() + r.area()) {
                double k = i - r.before();
                double slope = (r.to() - r.from()) / r.seconds();
                // slope t^2 / 2 + from t = k, in the form that stays exact when the slope is 0
                double tau = k <= 0 ? 0 : 2 * k / (r.from() + Math.sqrt(Math.max(0, r.from() * r.from() + 2 * slope * k)));
                return Math.round((r.start() + Math.min(r.seconds(), tau)) * 1e9);
            }
        }
        return Math.round(seconds() * 1e9);
    }

    /** As users write it: {@code 50/s for 30s}, or {@code 30s:50,60s:400}. */
    @Override
    public String toString() {
        if (constant()) {
            return rateText(peak()) + "/s for " + Durations.format(duration());
        }
        var parts = new ArrayList<String>();
        for (Stage s : stages) {
            parts.add(Durations.format(Duration.ofNanos(Math.round(s.seconds() * 1e9))) + ":" + rateText(s.target()));
        }
        return String.join(",", parts);
    }

    private static String rateText(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
