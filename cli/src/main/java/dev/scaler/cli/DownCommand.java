package dev.scaler.cli;

import dev.scaler.provision.Down;
import dev.scaler.state.Secrets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler down`: removes everything that carries the project's label, and nothing else. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Remove every container, network and volume of a project.",
        footer = {"", "Examples:", "  scaler down topologies/web-tier.yaml", "  scaler down --project web-tier",
                "  scaler down --keep-data web-tier"})
final class DownCommand implements Callable<Integer> {
    @Mixin
    EngineChoice engineChoice;

    @Mixin
    ProjectTarget target;

    @Option(names = "--keep-data", description = "Keep the project's volumes (and its generated secrets).")
    boolean keepData;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Optional<String> given = target.given();
        try (var engine = engineChoice.connect()) {
            String name = ProjectName.resolve(given, engine);
            LeftoverFaults.undo(engine, name, spec.commandLine().getErr());
            var progress = new ProgressPrinter(out, ScalerCommand.display(spec));
            Down.Result result = new Down(engine, progress).run(name, keepData);
            if (!keepData) {
                Secrets.open(StateDir.resolve(), name).delete();
                DeployedTopology.store().forget(name);
            }
            if (result.nothing()) {
                out.printf("%s: nothing to remove%n", name);
            } else {
                out.printf("%s is down in %.1fs: %d containers, %d networks, %d volumes removed%s%n", name,
                        progress.seconds(), result.containers(), result.networks(), result.volumes(),
                        keepData ? " (volumes kept)" : "");
            }
            if (!result.left().isEmpty()) {
                var err = spec.commandLine().getErr();
                result.left().forEach(l -> err.printf("scaler: left behind: %s%n", l));
                return ExitCode.ENVIRONMENT;
            }
        }
        return ExitCode.OK;
    }
}
