package io.r1kit.model.vlm;

import io.r1kit.scene.Scene;

import java.util.Arrays;
import java.util.Objects;

/**
 * One supervised example: a scene's features, the prompt's token ids and the answer's token ids
 * (the only tokens the loss is taken over). Features are extracted once, so an example can be
 * trained on many times without sampling points or running proposals again.
 *
 * @param features the scene, as the model sees it
 * @param prompt   prompt token ids (may be empty: the scene tokens come first anyway)
 * @param answer   answer token ids, at least one
 * @param objectNames per encoded object (in {@code features.objects()} order), the vocabulary id of its
 *                 label's head word, -1 when it has none; empty when the names are not known (a proposal
 *                 has no name). Used by the object-naming loss of {@link Vlm3d#forward}.
 * @param objectColours per encoded object, the vocabulary id of its colour word, -1 when unknown; empty when
 *                 no colour is known. The object-naming loss names each object's colour too.
 * @param objectPlaces per encoded object, the vocabulary id of the word that says where it is ("left" for the
 *                 left wall, "on" when it stands on another object, "floor"), -1 when unknown; empty when no
 *                 place is taught. The object-naming loss names each object's place too.
 */
public record VlmExample(SceneFeatures features, int[] prompt, int[] answer, int[] objectNames, int[] objectColours,
                         int[] objectPlaces) {

    public VlmExample {
        Objects.requireNonNull(features, "features");
        if (answer.length == 0) {
            throw new IllegalArgumentException("the answer of an example in " + features.sceneId()
                    + " is empty: the loss needs at least one answer token");
        }
        prompt = prompt.clone();
        answer = answer.clone();
        objectNames = objectNames.clone();
        objectColours = objectColours.clone();
        objectPlaces = objectPlaces.clone();
        perObject("object places", objectPlaces, features);
        perObject("object colours", objectColours, features);
        perObject("object names", objectNames, features);
    }

    /** An example without object names. */
    public VlmExample(SceneFeatures features, int[] prompt, int[] answer) {
        this(features, prompt, answer, new int[0], new int[0], new int[0]);
    }

    /** An example with object names and no colours. */
    public VlmExample(SceneFeatures features, int[] prompt, int[] answer, int[] objectNames) {
        this(features, prompt, answer, objectNames, new int[0], new int[0]);
    }

    /** An example with object names and colours and no places. */
    public VlmExample(SceneFeatures features, int[] prompt, int[] answer, int[] objectNames, int[] objectColours) {
        this(features, prompt, answer, objectNames, objectColours, new int[0]);
    }

    private static void perObject(String what, int[] ids, SceneFeatures features) {
        if (ids.length != 0 && ids.length != features.objects().size()) {
            throw new IllegalArgumentException(ids.length + " " + what + " for " + features.objects().size()
                    + " encoded objects in " + features.sceneId() + ": give one per object, or none");
        }
    }

    /** An example of {@code scene} (features extracted with {@code config}). */
    public static VlmExample of(Scene scene, VlmConfig config, int[] prompt, int[] answer) {
        return new VlmExample(SceneFeatures.extract(scene, config), prompt, answer);
    }

    /** Positions of this example's row in the decoder: scene tokens, prompt and answer. */
    public int positions() {
        return VlmConfig.sceneTokensFor(features.objects().size()) + prompt.length + answer.length;
    }

    /**
     * The object words the object-naming loss scores for this example: its objects' names, colours and places
     * with an id below {@code vocab}, as two rows of equal length: {@code [0]} the encoded object's index,
     * {@code [1]} the word's id (what {@link VlmOutput#objectNameLoss} averages over).
     */
    public int[][] namedWords(int vocab) {
        int[] objects = new int[objectNames.length + objectColours.length + objectPlaces.length];
        int[] ids = new int[objects.length];
        int n = 0;
        for (int[] words : new int[][] {objectNames, objectColours, objectPlaces}) {
            for (int i = 0; i < words.length; i++) {
                if (words[i] >= 0 && words[i] < vocab) {
                    objects[n] = i;
                    ids[n++] = words[i];
                }
            }
        }
        return new int[][] {Arrays.copyOf(objects, n), Arrays.copyOf(ids, n)};
    }

    @Override
    public int[] prompt() {
        return prompt.clone();
    }

    @Override
    public int[] answer() {
        return answer.clone();
    }

    @Override
    public int[] objectNames() {
        return objectNames.clone();
    }

    @Override
    public int[] objectColours() {
        return objectColours.clone();
    }

    @Override
    public int[] objectPlaces() {
        return objectPlaces.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VlmExample e && features.equals(e.features) && Arrays.equals(prompt, e.prompt)
                && Arrays.equals(answer, e.answer) && Arrays.equals(objectNames, e.objectNames)
                && Arrays.equals(objectColours, e.objectColours) && Arrays.equals(objectPlaces, e.objectPlaces);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, Arrays.hashCode(prompt), Arrays.hashCode(answer), Arrays.hashCode(objectNames),
                Arrays.hashCode(objectColours), Arrays.hashCode(objectPlaces));
    }

    @Override
    public String toString() {
        return "VlmExample[" + features.sceneId() + ", prompt=" + Arrays.toString(prompt) + ", answer="
                + Arrays.toString(answer) + "]";
    }
}
