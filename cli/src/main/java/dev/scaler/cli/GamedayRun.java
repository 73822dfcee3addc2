package dev.scaler.cli;

import dev.scaler.chaos.Experiment;
import dev.scaler.chaos.ExperimentException;
import dev.scaler.chaos.Gameday;
import dev.scaler.report.Format;
import dev.scaler.report.JunitReport;
import dev.scaler.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * `scaler chaos gameday`: the experiments of a gameday one after another, each stored as its own run, then one
 * combined table and one JUnit file. An experiment the project cannot run (no proxies, no cdn, one datacenter) is
 * skipped with the reason, found by resolving its steps against the running project.
 */
final class GamedayRun {
    private final ChaosCommand.RunOne runOne;
    private final ChaosCommand.Context context;
    private final long seed;
    private final boolean dryRun;

    GamedayRun(ChaosCommand.RunOne runOne, ChaosCommand.Context context, long seed, boolean dryRun) {
        this.runOne = runOne;
        this.context = context;
        this.seed = seed;
        this.dryRun = dryRun;
    }

    int run(Gameday gameday) throws Exception {
        var out = context.out();
        var results = new ArrayList<ChaosCommand.Result>();
        int n = 0;
        for (String name : gameday.experiments()) {
            n++;
            Experiment e;
            try {
                if (!(ChaosScripts.find(name) instanceof Experiment found)) {
                    results.add(skipped(name, "a gameday cannot hold another gameday"));
                    continue;
                }
                e = found;
            } catch (ExperimentException | UsageException x) {
                results.add(skipped(name, x.getMessage().lines().findFirst().orElse("cannot be read")));
                continue;
            }
            Optional<String> cannot = ChaosCommand.cannotRun(context, e, seed);
            if (cannot.isPresent()) {
                out.printf("%n== %d/%d %s: skipped (%s)%n", n, gameday.experiments().size(), name, cannot.get());
                results.add(skipped(name, cannot.get()));
                continue;
            }
            if (dryRun) {
                out.printf("%n== %d/%d %s: would run%n", n, gameday.experiments().size(), name);
                results.add(skipped(name, "dry run"));
                continue;
            }
            if (results.stream().anyMatch(r -> r.run().isPresent())) {
                out.printf("%nsettling for %s before the next experiment%n",
                        dev.scaler.yaml.Durations.format(gameday.settle()));
                out.flush();
                Thread.sleep(gameday.settle().toMillis());
            }
            out.printf("%n== %d/%d %s: %s%n", n, gameday.experiments().size(), name, e.description());
            out.flush();
            results.add(runOne.run(context, e, seed + n));
        }
        print(results);
        if (!dryRun) {
            write(results);
        }
        return results.stream().mapToInt(ChaosCommand.Result::exitCode).max().orElse(ExitCode.OK);
    }

    private static ChaosCommand.Result skipped(String name, String why) {
        return new ChaosCommand.Result(name, Optional.empty(), ExitCode.OK, Optional.empty(), why);
    }

    private void print(List<ChaosCommand.Result> results) {
        var table = new Table("EXPERIMENT", "RUN", "VERDICT", "AVAILABILITY", "WORST RECOVERY", "LOST WRITES", "P99",
                "NOTE");
        for (var r : results) {
            if (r.report().isEmpty()) {
                table.row(r.experiment(), "-", "skipped", "-", "-", "-", "-", r.note());
                continue;
            }
            Report report = r.report().get();
            String recovery = report.faults().stream().map(f -> f.recovered()
                    ? Format.seconds(f.recoverySeconds()) : "did not recover").reduce((a, b) -> b).orElse("-");
            table.row(r.experiment(), r.run().orElse("-"), r.exitCode() == ExitCode.ENVIRONMENT ? "error"
                    : report.verdict(), Format.percent(report.whole().availability()), recovery,
                    Long.toString(report.consistency().lostWrites()), Format.millis(report.whole().latency().p99()),
                    r.note().isEmpty() ? "-" : r.note());
        }
        context.out().println();
        table.print(context.out());
        context.out().flush();
    }

    private void write(List<ChaosCommand.Result> results) {
        var reports = results.stream().flatMap(r -> r.report().stream()).toList();
        var skipped = new LinkedHashMap<String, String>();
        results.stream().filter(r -> r.report().isEmpty()).forEach(r -> skipped.put(r.experiment(), r.note()));
        Path file = StateDir.resolve().resolve("runs").resolve("gameday-" + MeasuredRun.newId() + ".junit.xml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JunitReport.render(reports, skipped));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        context.out().printf("%none JUnit file for the whole gameday: %s%n", file);
        context.out().flush();
    }
}
