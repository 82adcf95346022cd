package io.r1kit.reward;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rewards of one output: each applicable reward by name, in the set's order, and their sum
 * (3D-R1 Sec. 3.2 adds the rewards with equal weight).
 */
public record RewardScore(Map<String, Double> parts, double total) {

    public RewardScore {
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** The named part, or empty when that reward did not apply. */
    public java.util.OptionalDouble part(String name) {
        Double v = parts.get(name);
        return v == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(v);
    }
}
