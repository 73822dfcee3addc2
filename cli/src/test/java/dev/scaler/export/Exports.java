package dev.scaler.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.scaler.files.InputFile;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.topology.ImageProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plans of the shipped topologies, secrets to fill them with, and the YAML an export wrote, read back. */
final class Exports {
    private static final YAMLMapper YAML = new YAMLMapper();

    private Exports() {
    }

    static Path repositoryRoot() {
        return dev.scaler.Repository.root();
    }

    /** The plan of topologies/NAME.yaml with the offline images. */
    static Plan plan(String name) {
        try {
            return Planner.plan(InputFile.topology(repositoryRoot().resolve("topologies/" + name + ".yaml"))
                    .withImages(ImageProfile.OFFLINE));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A distinct, recognisable value for every secret of the plan. */
    static Map<String, String> secrets(Plan plan) {
        var out = new LinkedHashMap<String, String>();
        Placeholders.keys(plan).forEach(k -> out.put(k, "s3cret-" + k.replace('.', '-')));
        return out;
    }

    static JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<JsonNode> readAll(String yaml) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return it.readAll().stream().filter(n -> !n.isMissingNode() && !n.isNull()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
