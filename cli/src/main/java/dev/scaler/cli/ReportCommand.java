package dev.scaler.cli;

import dev.scaler.report.Analysis;
import dev.scaler.report.Compare;
import dev.scaler.report.HtmlReport;
import dev.scaler.report.HypothesisException;
import dev.scaler.report.JunitReport;
import dev.scaler.report.MarkdownReport;
import dev.scaler.report.Report;
import dev.scaler.state.RunNotFoundException;
import dev.scaler.state.RunStore;
import dev.scaler.report.TextReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler report`: a stored run's figures and verdict, in the format a person or a CI system reads. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a stored run: availability, latency, recovery, consistency, and the hypothesis verdict.",
        footer = {"", "Examples:", "  scaler report", "  scaler report --run 20261125T161500Z-ab12 --format json",
                "  scaler report --format junit --out build/scaler-junit.xml",
                "  scaler report --format html --out report.html",
                "  scaler report --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
                "  scaler report --compare 20261125T161500Z-ab12 latest",
                "", "Exit codes: 0 every hypothesis line held (or there is none), 1 a line failed,",
                "2 bad input (unknown run, bad format or hypothesis)."})
final class ReportCommand implements Callable<Integer> {
    enum ReportFormat {
        TABLE, JSON, JUNIT, HTML, MARKDOWN
    }

    @Option(names = "--run", paramLabel = "ID|latest", defaultValue = "latest",
            description = "The run (an id, a unique prefix of one, or latest; default: ${DEFAULT-VALUE}).")
    String run;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, junit, html or markdown (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Optional<Path> outFile = Optional.empty();

    @Option(names = "--compare", arity = "2", paramLabel = "RUN", description = "Two runs side by side (A then B); table, json or markdown.")
    List<String> compare;

    @Option(names = "--hypothesis", paramLabel = "NAME=EXPR",
            description = "Judge with this line too (repeatable), e.g. 'p99=<= 500ms'; replaces the run's line of that name.")
    Map<String, String> hypothesis = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var store = new RunStore(StateDir.resolve().resolve("runs"));
        if (compare != null && !compare.isEmpty()) {
            Compare.Document d = Compare.of(analyse(store, compare.get(0)), analyse(store, compare.get(1)));
            String text = switch (format) {
                case TABLE -> Compare.table(d);
                case JSON -> RunStore.json(Compare.json(d)) + "\n";
                case MARKDOWN -> Compare.markdown(d);
                default -> throw new UsageException("--compare prints table, json or markdown, not " + format.name()
                        .toLowerCase(java.util.Locale.ROOT));
            };
            emit(text, "comparison");
            return ExitCode.OK;
        }
        Report report = analyse(store, run);
        String text = switch (format) {
            case TABLE -> TextReport.render(report);
            case JSON -> RunStore.json(report) + "\n";
            case JUNIT -> JunitReport.render(report);
            case HTML -> HtmlReport.render(report);
            case MARKDOWN -> MarkdownReport.render(report);
        };
        emit(text, "report of run " + report.run().id() + " (" + report.verdict() + ")");
        return ExitCode.of(report);
    }

    private Report analyse(RunStore store, String id) {
        try {
            var loaded = store.load(id);
            if (!hypothesis.isEmpty()) {
                loaded = new dev.scaler.report.Run(loaded.info().withHypothesis(hypothesis), loaded.events(), loaded.windows(),
                        loaded.verification());
            }
            return Analysis.analyse(loaded);
        } catch (RunNotFoundException e) {
            throw new UsageException(e.getMessage());
        } catch (HypothesisException e) {
            throw new UsageException(String.join("\n  ", e.problems()));
        }
    }

    private void emit(String text, String what) throws IOException {
        var out = spec.commandLine().getOut();
        if (outFile.isEmpty()) {
            out.print(text);
            return;
        }
        Path file = outFile.get();
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, text);
        out.println("wrote the " + what + " to " + file);
    }
}
