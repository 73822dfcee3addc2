package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.scaler.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed schemas/ are what the loaders generate today, and they agree with the loaders: every file we ship
 * or keep as a good fixture validates, and bad fixtures whose mistake is one of shape fail.
 */
class SchemasTest {
    private static final Path ROOT = Repository.root();
    private static final Path FIXTURES = ROOT.resolve("cli/src/test/resources");
    private static final YAMLMapper YAML = new YAMLMapper();

    private static JsonSchema schema(SchemaCommand.Format format) throws IOException {
        JsonNode text = new ObjectMapper().readTree(ROOT.resolve("schemas/" + format + ".schema.json").toFile());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(text);
    }

    private static Set<ValidationMessage> validate(SchemaCommand.Format format, Path file) throws IOException {
        return schema(format).validate(YAML.readTree(file.toFile()));
    }

    @ParameterizedTest
    @EnumSource(SchemaCommand.Format.class)
    void theCommittedSchemaIsTheGeneratedOne(SchemaCommand.Format format) throws IOException {
        String committed = Files.readString(ROOT.resolve("schemas/" + format + ".schema.json"));
        assertThat(committed).as("schemas/%s.schema.json is stale; refresh it with:"
                + " ./scaler schema %s > schemas/%s.schema.json", format, format, format)
                .isEqualTo(SchemaCommand.text(format));
    }

    @Test
    void theCommandPrintsTheSchemaAndRefusesAnUnknownFormat() throws IOException {
        var printed = Scaler.run("schema", "experiment");
        assertThat(printed.code()).as(printed.err()).isZero();
        assertThat(printed.out()).isEqualTo(Files.readString(ROOT.resolve("schemas/experiment.schema.json")));
        var refused = Scaler.run("schema", "gameday");
        assertThat(refused.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("gameday").contains("topology, experiment");
        assertThat(refused.out()).isEmpty();
    }

    static Stream<Path> topologies() throws IOException {
        return Stream.concat(yamlIn(ROOT.resolve("topologies")), yamlIn(FIXTURES.resolve("topologies/good")));
    }

    static Stream<Path> experiments() throws IOException {
        return Stream.concat(yamlIn(ROOT.resolve("chaos-scripts")), yamlIn(FIXTURES.resolve("experiments/good")));
    }

    private static Stream<Path> yamlIn(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(found).as("yaml files in " + dir).isNotEmpty();
            return found.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void everyShippedAndGoodTopologyValidates(Path file) throws IOException {
        assertThat(validate(SchemaCommand.Format.topology, file)).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void everyShippedAndGoodExperimentValidates(Path file) throws IOException {
        assertThat(validate(SchemaCommand.Format.experiment, file)).as(file.toString()).isEmpty();
    }

    /** Unknown fields, wrong types, out of range, misspelt values, missing required fields, bad patterns. */
    @ParameterizedTest
    @ValueSource(strings = {"typo-field", "typo-section", "unknown-section", "replicas-word", "port-out-of-range",
            "port-privileged", "replicas-too-many", "web-zero-replicas", "shards-too-many", "sentinels-two",
            "version-2", "eviction-typo", "unknown-enum", "name-missing", "bad-name", "bind-hostname",
            "healthcheck-path", "duration-no-unit", "max-memory-no-unit", "bucket-uppercase", "section-scalar",
            "top-level-list"})
    void badTopologiesOfShapeFail(String name) throws IOException {
        Path file = FIXTURES.resolve("topologies/bad/" + name + ".yaml");
        assertThat(validate(SchemaCommand.Format.topology, file)).as(file.toString()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-top-level", "name-missing", "name-uppercase", "steps-missing", "steps-empty",
            "at-missing", "at-no-unit", "no-action", "two-actions", "step-typo-action", "rollback-typo",
            "latency-field-typo", "latency-missing-ms", "latency-scalar", "link-missing", "target-mapping",
            "toxicity-percent", "journeys-typo", "rate-per-minute"})
    void badExperimentsOfShapeFail(String name) throws IOException {
        Path file = FIXTURES.resolve("experiments/bad/" + name + ".yaml");
        assertThat(validate(SchemaCommand.Format.experiment, file)).as(file.toString()).isNotEmpty();
    }

    @Test
    void aStepIsOneOfTheActionsWithItsOwnFields() throws IOException {
        var schema = schema(SchemaCommand.Format.experiment);
        String start = "name: x\nsteps:\n  - at: 1s\n    ";
        assertThat(schema.validate(YAML.readTree(start + "latency: { link: web -> cache, ms: 200, jitter: 5 }")))
                .isEmpty();
        assertThat(schema.validate(YAML.readTree(start + "heal: all"))).isEmpty();
        // jitter belongs to latency, not to bandwidth
        assertThat(schema.validate(YAML.readTree(start + "bandwidth: { link: web -> cache, kbps: 64, jitter: 5 }")))
                .isNotEmpty();
        assertThat(schema.validate(YAML.readTree(start + "latency: { link: web -> cache, ms: 0 }"))).isNotEmpty();
    }
}
