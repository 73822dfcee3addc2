package dev.scaler.chaos;

import dev.scaler.yaml.MapReader;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.Shape;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON Schema of experiment and gameday files, written by running the binders over describing readers. Where
 * a binder picks a branch by which key is present, each branch is walked on its own: an experiment or a gameday,
 * and one step shape per action of {@link StepAction#ALL}.
 */
public final class ExperimentSchema {

    private static final Problems IGNORED = new Problems("experiment.schema.json");

    private ExperimentSchema() {
    }

    /** The schema as JSON-ready maps and lists (draft-07, which editors' YAML support reads). */
    public static Map<String, Object> schema() {
        var binder = new ExperimentBinder("", IGNORED);
        Shape experiment = new Shape();
        binder.experiment(MapReader.describing(experiment, Set.of(), IGNORED));
        Map<String, Object> experimentSchema = experiment.schema();
        stepsProperty(experimentSchema).put("items", Shape.json("oneOf", StepAction.ALL.stream().map(
                ExperimentSchema::step).toList()));

        Shape gameday = new Shape();
        binder.gameday(MapReader.describing(gameday, Set.of(), IGNORED));
        gameday.require("gameday"); // its presence is what makes the file a gameday

        var schema = new LinkedHashMap<String, Object>();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", "scaler experiment or gameday file");
        schema.put("description", "Generated from the experiment binder by `scaler schema experiment`; do not"
                + " edit. See docs/experiments.md.");
        schema.put("oneOf", List.of(experimentSchema, gameday.schema()));
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stepsProperty(Map<String, Object> experiment) {
        return (Map<String, Object>) ((Map<String, Object>) experiment.get("properties")).get("steps");
    }

    /** A step that does {@code action}: every other action key counts as absent, so only this branch is read. */
    private static Map<String, Object> step(StepAction action) {
        Set<String> others = new HashSet<>(StepBinder.ACTIONS);
        others.remove(action.key());
        Shape step = new Shape();
        new StepBinder(new Selections("", IGNORED), IGNORED, Optional.empty())
                .bind(MapReader.describing(step, others, IGNORED), 0);
        step.require(action.key()); // a step needs an action, and this branch is the one with this key
        if (action.written() == StepAction.Written.LINK_OR_FIGURES) {
            Object figures = step.property(action.key()).orElseThrow();
            step.put(action.key(), Shape.json("anyOf", List.of(Shape.json("type", "string", "description",
                    "a link such as web -> cache.primary" + (action.key().equals("heal") ? ", or all" : "")),
                    figures)));
        }
        return step.schema();
    }
}
