package dev.scaler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What may come next on a command line, read from the one command tree: subcommands, options, and each argument's
 * values (enum values, experiment names, topology files, running projects and containers). Pure: what lives outside
 * (files, Docker) comes through {@link Sources}, so tests give their own.
 */
final class Completions {

    /** Where the values that change come from. */
    interface Sources {
        /** Paths that start with {@code prefix}: directories (ending in /) and YAML files. */
        List<String> files(String prefix);

        /** The experiments available here: built-ins and chaos-scripts/*.yaml. */
        List<String> experiments();

        /** The projects that run on the engine now. */
        List<String> projects();

        /** The containers of those projects. */
        List<String> containers();
    }

    /** One candidate; {@code complete} is false for a directory, after which the user goes on typing. */
    record Candidate(String value, String group, String description, boolean complete) {
    }

    private final CommandSpec root;
    private final Sources sources;

    Completions(CommandSpec root, Sources sources) {
        this.root = root;
        this.sources = sources;
    }

    /** The candidates for the word being typed, given the words before it (a leading "scaler" is allowed). */
    List<Candidate> after(List<String> before, String word) {
        CommandSpec command = root;
        int positional = 0;
        Optional<OptionSpec> pending = Optional.empty();
        int pendingValues = 0;
        List<String> words = !before.isEmpty() && before.get(0).equals(root.name()) ? before.subList(1, before.size())
                : before;
        for (String w : words) {
            if (pendingValues > 0) {
                pendingValues--;
                continue;
            }
            OptionSpec option = w.startsWith("-") && !w.contains("=") ? command.findOption(w) : null;
            if (option != null) {
                int values = option.arity().max() == Integer.MAX_VALUE ? 1 : option.arity().max();
                pending = values > 0 ? Optional.of(option) : Optional.empty();
                pendingValues = values;
                continue;
            }
            if (w.startsWith("-")) {
                continue;
            }
            if (positional == 0 && command.subcommands().containsKey(w)) {
                command = command.subcommands().get(w).getCommandSpec();
                continue;
            }
            positional++;
        }
        if (pendingValues > 0 && pending.isPresent()) {
            return values(pending.get(), word);
        }
        var candidates = new ArrayList<Candidate>();
        if (word.startsWith("-")) {
            for (OptionSpec o : command.options()) {
                if (!o.hidden()) {
                    Arrays.stream(o.names()).filter(n -> n.startsWith("--") || o.names().length == 1)
                            .forEach(n -> candidates.add(new Candidate(n, "options", first(o.description()), true)));
                }
            }
            return candidates;
        }
        if (positional == 0) {
            command.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandSpec().name())) {
                    candidates.add(new Candidate(name, "commands",
                            first(sub.getCommandSpec().usageMessage().description()), true));
                }
            });
        }
        int index = positional;
        command.positionalParameters().stream().filter(p -> p.index().contains(index)).findFirst()
                .ifPresent(p -> candidates.addAll(values(p, word)));
        return candidates;
    }

    /** The values an option or positional parameter takes, by what it is. */
    private List<Candidate> values(ArgSpec arg, String word) {
        var out = new ArrayList<Candidate>();
        String label = arg.paramLabel();
        Optional<String> option = arg instanceof OptionSpec o ? Optional.of(o.longestName()) : Optional.empty();
        if (label.equals("EXPERIMENT") || option.equals(Optional.of("--experiment"))) {
            sources.experiments().forEach(e -> out.add(new Candidate(e, "experiments", "", true)));
        } else if (arg.completionCandidates() != null) {
            StreamSupport.stream(arg.completionCandidates().spliterator(), false)
                    .map(v -> isEnum(arg) ? v.toLowerCase(Locale.ROOT) : v)
                    .forEach(v -> out.add(new Candidate(v, "values", "", true)));
        }
        if (label.contains("PROJECT") || option.equals(Optional.of("--project"))) {
            sources.projects().forEach(p -> out.add(new Candidate(p, "running projects", "", true)));
        }
        if (option.equals(Optional.of("--to"))) {
            sources.containers().forEach(c -> out.add(new Candidate(c, "containers", "", true)));
        }
        if (label.startsWith("FILE") || label.equals("EXPERIMENT") || isPath(arg)) {
            sources.files(word).forEach(f -> out.add(new Candidate(f, "files", "", !f.endsWith("/"))));
        }
        return out;
    }

    /** Enum values are accepted in any case; users write them in lower case, as the docs do. */
    private static boolean isEnum(ArgSpec arg) {
        return arg.type().isEnum() || Arrays.stream(arg.auxiliaryTypes()).anyMatch(Class::isEnum);
    }

    private static boolean isPath(ArgSpec arg) {
        return Path.class.equals(arg.type()) || java.io.File.class.equals(arg.type())
                || Arrays.stream(arg.auxiliaryTypes()).anyMatch(t -> Path.class.equals(t) || java.io.File.class.equals(t));
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }
}
