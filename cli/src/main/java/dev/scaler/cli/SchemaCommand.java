package dev.scaler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scaler.chaos.ExperimentSchema;
import dev.scaler.topology.TopologySchema;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler schema`: prints the JSON Schema of a file format, as committed under schemas/. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft-07) of topology or experiment files.",
        footer = {"", "Examples:", "  scaler schema topology",
                "", "The schemas are generated from the loaders and committed under schemas/; after changing a"
                + " loader, refresh them:",
                "  ./scaler schema topology > schemas/topology.schema.json",
                "  ./scaler schema experiment > schemas/experiment.schema.json"})
final class SchemaCommand implements Callable<Integer> {

    /** The formats that have a schema. */
    enum Format {
        topology, experiment
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "FORMAT", description = "topology or experiment")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(text(format));
        return ExitCode.OK;
    }

    /** The schema's text, ending with a newline: what schemas/FORMAT.schema.json holds. */
    static String text(Format format) {
        Map<String, Object> schema = switch (format) {
            case topology -> TopologySchema.schema();
            case experiment -> ExperimentSchema.schema();
        };
        try {
            return MAPPER.writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps, lists and scalars always serialise", e);
        }
    }
}
