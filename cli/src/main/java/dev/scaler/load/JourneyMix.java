package dev.scaler.load;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Weights of the journeys, e.g. {@code browse=70,write=20,login=10}; each arrival picks one by weight. */
public record JourneyMix(Map<Journey, Integer> weights) {
    /** The mix of a system that serves every journey but jobs. */
    public static final JourneyMix DEFAULT = parse("browse=60,write=20,login=10,account=10");
    /** The weight of the job journey added to the default of a system with a queue and workers. */
    static final int JOB_WEIGHT = 10;

    public JourneyMix {
        weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        if (weights.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
            throw new IllegalArgumentException("the journey weights must add up to more than 0");
        }
    }

    /** The default mix without the journeys a system that {@code serves} this much cannot answer. */
    public static JourneyMix defaultFor(Serves serves) {
        var weights = new EnumMap<Journey, Integer>(Journey.class);
        DEFAULT.weights().forEach((journey, weight) -> {
            if (journey.servedBy(serves)) {
                weights.put(journey, weight);
            }
        });
        if (Journey.JOB.servedBy(serves)) {
            weights.put(Journey.JOB, JOB_WEIGHT);
        }
        return new JourneyMix(weights);
    }

    /** The journeys of this mix (weight above 0) that a system that {@code serves} this much cannot answer. */
    public java.util.List<Journey> unserved(Serves serves) {
        return weights.entrySet().stream().filter(e -> e.getValue() > 0 && !e.getKey().servedBy(serves))
                .map(Map.Entry::getKey).toList();
    }

    /** Reads {@code name=weight,...}; names are browse, login, write, read, account, job; weights are whole numbers >= 0. */
    public static JourneyMix parse(String text) {
        var weights = new EnumMap<Journey, Integer>(Journey.class);
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not name=weight (e.g. browse=70,write=20,login=10)");
            }
            Journey j = Journey.fromLabel(kv[0]);
            int w;
            try {
                w = Integer.parseInt(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the weight of " + j.label() + " must be a whole number, not '" + kv[1].strip() + "'");
            }
            if (w < 0) {
                throw new IllegalArgumentException("the weight of " + j.label() + " must not be negative");
            }
            if (weights.put(j, w) != null) {
                throw new IllegalArgumentException(j.label() + " is given twice");
            }
        }
        return new JourneyMix(weights);
    }

    /** The journey for a draw in [0, total weight). */
    public Journey pick(int draw) {
        int left = draw;
        for (var e : weights.entrySet()) {
            if (left < e.getValue()) {
                return e.getKey();
            }
            left -= e.getValue();
        }
        throw new IllegalArgumentException("draw " + draw + " is not below the total weight " + total());
    }

    public int total() {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Label to weight, in the order browse, login, write, read, account, job. */
    public Map<String, Integer> labels() {
        return weights.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().label(), Map.Entry::getValue,
                (a, b) -> a, LinkedHashMap::new));
    }

    @Override
    public String toString() {
        return weights.entrySet().stream().map(e -> e.getKey().label() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
