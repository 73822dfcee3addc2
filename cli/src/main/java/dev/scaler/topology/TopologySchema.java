package dev.scaler.topology;

import dev.scaler.yaml.MapReader;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The JSON Schema of topology files, written by running {@link TopologyBinder} over a describing reader. */
public final class TopologySchema {

    private TopologySchema() {
    }

    /** The schema as JSON-ready maps and lists (draft-07, which editors' YAML support reads). */
    public static Map<String, Object> schema() {
        String nowhere = "topology.schema.json";
        Problems ignored = new Problems(nowhere);
        Shape shape = new Shape();
        new TopologyBinder(nowhere, ignored).bind(MapReader.describing(shape, Set.of(), ignored));
        var schema = new LinkedHashMap<String, Object>();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", "scaler topology file (version 1)");
        schema.put("description", "Generated from the topology binder by `scaler schema topology`; do not edit."
                + " See docs/topology.md.");
        schema.putAll(shape.schema());
        return schema;
    }
}
