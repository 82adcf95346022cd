package io.r1kit.cot;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.Fact;
import io.r1kit.cot.tasks.SceneDescriber;
import io.r1kit.scene.gen.SceneGraph;

import java.util.Objects;

/**
 * What a CoT back end gets for one question (Algorithm 1 of 3D-R1: scene description and question in,
 * reasoning out). A language model reads only {@code description} and the question; the built-in
 * writer reads the graph and the example's facts.
 *
 * @param example     the instruction example (question, reference answer, facts)
 * @param graph       the scene graph the example was made from
 * @param description a scene description ({@link SceneDescriber})
 */
public record CotRequest(Example example, SceneGraph graph, String description) {

    public CotRequest {
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(description, "description");
    }

    /** The question as a person would ask it (3D-LLM speaker markers removed). */
    public String question() {
        return example.question().replace("### human:", "").replace("### assistant:", "").strip();
    }

    /**
     * The words the reasoning must end on: the main target's label; for an example about no object
     * (an absent label) the label it asks about; empty when there is neither.
     */
    public String target() {
        if (example.target() != 0) {
            return graph.object(example.target()).orElseThrow().label();
        }
        return example.facts().stream().filter(f -> f instanceof Fact.Exists).map(f -> ((Fact.Exists) f).label())
                .findFirst().orElse("");
    }
}
