package dev.scaler.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command; global flags live here once and are inherited by every subcommand. */
@Command(name = "scaler", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Stand up a system built to scale, break it on purpose, measure what users felt.",
        subcommands = {UpCommand.class, DownCommand.class, PlanCommand.class, StatusCommand.class, TopCommand.class,
                FailoverCommand.class, LoadCommand.class, ChaosCommand.class, DemoCommand.class, ReportCommand.class,
                ImagesCommand.class, ExportCommand.class, ShellCommand.class, CompletionCommand.class,
                SchemaCommand.class, HelpCommand.class, ScaleCommand.class, AutoscaleCommand.class, DeployCommand.class, RollbackCommand.class,
                AgentCommand.class, ClusterCommand.class},
        footer = {"", "Examples:", "  scaler plan topologies/web-tier.yaml",
                "  scaler up --images offline topologies/web-tier.yaml", "  scaler status", "  scaler down web-tier",
                "  scaler shell", "  scaler help chaos", "",
                "Exit codes: 0 ok, 1 hypothesis failed, 2 bad input, 3 environment, 4 interrupted."})
public final class ScalerCommand implements Runnable {

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the cause of an error in full.")
    boolean stacktrace;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress: only results, warnings and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Every step as a timestamped line, also on a terminal, with detail (the image build's own output).")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** How progress is shown for the command of {@code spec}, from the global flags and where output goes. */
    static OutputStyle display(picocli.CommandLine.Model.CommandSpec spec) {
        boolean quiet = spec.root().userObject() instanceof ScalerCommand root && root.quiet;
        boolean verbose = spec.root().userObject() instanceof ScalerCommand root && root.verbose;
        return OutputStyle.of(OutputStyle.Flags.of(quiet, verbose), OutputStyle.terminal(), System.getenv());
    }
}
