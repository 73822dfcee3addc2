package dev.scaler.cli;

import dev.scaler.collect.Collectors;
import dev.scaler.collect.Targets;
import dev.scaler.monitor.Sampler;
import dev.scaler.monitor.Snapshot;
import dev.scaler.monitor.VitalsTable;
import dev.scaler.report.Event;
import dev.scaler.report.OpenFaults;
import dev.scaler.state.ProcessMarker;
import dev.scaler.state.RunStore;
import dev.scaler.state.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.NonBlockingReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler top`: the running topology's vital signs, one line per container, redrawn every second until q. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = "Watch every container of a project live: health, role, requests/s, errors, p99, replication "
                + "lag, hit ratio, backends; a fault in progress is shown. q or Ctrl-C quits.",
        footer = {"", "Examples:", "  scaler top", "  scaler top topologies/starter.yaml",
                "", "Without a terminal it prints one snapshot; `scaler status --metrics --format json` prints one as JSON."})
final class TopCommand implements Callable<Integer> {
    @Mixin
    EngineChoice engineChoice;

    @Mixin
    ProjectTarget target;

    @Option(names = "--interval", paramLabel = "D", defaultValue = "1s", description = "How often (default: ${DEFAULT-VALUE}).")
    String interval;

    @Spec
    CommandSpec spec;

    private static final java.time.format.DateTimeFormatter CLOCK = java.time.format.DateTimeFormatter
            .ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    @Override
    public Integer call() throws Exception {
        Duration every = Options.duration("--interval", interval);
        var out = spec.commandLine().getOut();
        try (var engine = engineChoice.connect()) {
            String project = ProjectName.resolve(target.given(), engine);
            var collectors = Collectors.forProject(Secrets.open(StateDir.resolve(), project));
            Optional<Terminal> shell = Shell.terminal();
            if (shell.isEmpty() && !OutputStyle.of(OutputStyle.Flags.of(false, false), OutputStyle.terminal(), System.getenv()).live()) {
                Snapshot once = Sampler.once(() -> Targets.of(engine, project), collectors, every);
                screen(project, once, List.of(), autoscaler(project), 200).forEach(line -> out.println(line.toString()));
                return ExitCode.OK;
            }
            var runs = new RunStore(StateDir.resolve().resolve("runs"));
            var latest = new AtomicReference<Optional<Snapshot>>(Optional.empty());
            try (var sampler = Sampler.start(() -> Targets.of(engine, project), collectors, every,
                    s -> latest.set(Optional.of(s)))) {
                if (shell.isPresent()) { // Inside `scaler shell`: draw on its terminal, which stays open afterwards.
                    return watch(shell.get(), project, latest, runs);
                }
                try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                    return watch(terminal, project, latest, runs);
                }
            }
        }
    }

    private static int watch(Terminal terminal, String project, AtomicReference<Optional<Snapshot>> latest,
            RunStore runs) throws java.io.IOException {
        var saved = terminal.enterRawMode();
        terminal.puts(org.jline.utils.InfoCmp.Capability.enter_ca_mode);
        terminal.puts(org.jline.utils.InfoCmp.Capability.cursor_invisible);
        var display = new Display(terminal, true);
        NonBlockingReader keys = terminal.reader();
        boolean[] stop = {false};
        var shellHandler = terminal.handle(Terminal.Signal.INT, s -> stop[0] = true);
        try {
            Optional<Snapshot> shown = Optional.empty();
            while (!stop[0]) {
                var now = latest.get();
                if (now.isPresent() && !now.equals(shown)) {
                    shown = now;
                    var size = terminal.getSize();
                    display.resize(size.getRows(), size.getColumns());
                    List<Event> faults = runs.inProgress(project).map(r -> OpenFaults.of(r.events())).orElse(List.of());
                    display.update(screen(project, now.get(), faults, autoscaler(project), size.getColumns()), 0);
                }
                int key = keys.read(200);
                if (key == 'q' || key == 'Q' || key == 3) {
                    break;
                }
            }
        } finally {
            terminal.puts(org.jline.utils.InfoCmp.Capability.cursor_visible);
            terminal.puts(org.jline.utils.InfoCmp.Capability.exit_ca_mode);
            terminal.setAttributes(saved);
            terminal.handle(Terminal.Signal.INT, shellHandler);
            terminal.flush();
        }
        return ExitCode.OK;
    }

    /** What an autoscaler at work on the project decided last, as a line of `top`. */
    private static Optional<String> autoscaler(String project) {
        return ProcessMarker.autoscaling(StateDir.resolve()).running(project)
                .map(h -> "AUTOSCALER (pid " + h.pid() + "): " + (h.says().isEmpty() ? "reading the tier" : h.says()));
    }

    /**
     * The screen: a title line, faults in effect (Toxiproxy's toxics from the snapshot, then the run's own faults from
     * its journal), the autoscaler's last decision, then the table with alarming rows in red.
     */
    static List<AttributedString> screen(String project, Snapshot s, List<Event> faults, Optional<String> autoscaler,
            int width) {
        var lines = new ArrayList<AttributedString>();
        long silent = s.containers().stream().filter(VitalsTable::alarming).count();
        lines.add(new AttributedString(String.format(java.util.Locale.ROOT,
                "scaler top  %s  %s  %d containers, %d need attention  (sample took %d ms; q quits)", project,
                CLOCK.format(Instant.ofEpochMilli(s.at())), s.containers().size(), silent, s.costMs()),
                AttributedStyle.BOLD));
        // What Toxiproxy says is in effect (whoever added it), then what a run in progress did that Toxiproxy cannot
        // see (a kill, a pause) from its journal.
        for (var c : s.containers()) {
            for (String fault : c.faults()) {
                lines.add(new AttributedString("FAULT in effect on " + c.container() + ": " + fault,
                        AttributedStyle.BOLD.foreground(AttributedStyle.RED)));
            }
        }
        for (Event f : faults) {
            lines.add(new AttributedString("FAULT in progress: " + (f.action() + " " + f.target()).strip() + " at "
                    + String.format(java.util.Locale.ROOT, "%.1fs", f.t()) + " of the run",
                    AttributedStyle.BOLD.foreground(AttributedStyle.RED)));
        }
        autoscaler.ifPresent(line -> lines.add(new AttributedString(line, AttributedStyle.BOLD)));
        lines.add(new AttributedString(""));
        var rows = VitalsTable.rows(s);
        int[] widths = new int[VitalsTable.HEADER.size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        for (int k = 0; k < rows.size(); k++) {
            var text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(k).get(i);
                text.append(i == widths.length - 1 ? cell : String.format("%-" + (widths[i] + 2) + "s", cell));
            }
            String line = text.length() > width ? text.substring(0, Math.max(0, width)) : text.toString();
            AttributedStyle style = k == 0 ? AttributedStyle.BOLD
                    : VitalsTable.alarming(s.containers().get(k - 1)) ? AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)
                    : AttributedStyle.DEFAULT;
            lines.add(new AttributedString(line.stripTrailing(), style));
        }
        return lines;
    }
}
