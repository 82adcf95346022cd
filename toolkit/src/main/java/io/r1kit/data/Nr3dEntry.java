package io.r1kit.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Nr3D (or Sr3D) referring utterance: a sentence that tells one object from the other objects
 * of its class in a ScanNet scan.
 *
 * @param stimulusId   encodes scan, class, target and distractors, see {@link Nr3dStimulus}
 * @param utterance    the sentence
 * @param targetId     instance id of the referred object
 * @param instanceType its class, e.g. {@code "office chair"}
 * @param scanId       ScanNet scan
 * @param extras       the optional columns, empty where the file has none
 */
public record Nr3dEntry(String stimulusId, String utterance, int targetId, String instanceType, String scanId,
                        Extras extras) implements SceneAnnotation {

    /**
     * Words that make an utterance view-dependent (its meaning depends on where the speaker
     * stands), the list of ReferIt3D's evaluation: front, behind, back, right, left, facing,
     * leftmost, rightmost, looking, across. Matched as whole words, ignoring case. ReferIt3D
     * matches them against the release's {@code tokens} column; here the utterance is split on
     * every non-letter, so the two agree unless that tokenizer split a word differently.
     */
    public static final Set<String> VIEW_DEPENDENT_WORDS = Set.of(
            "front", "behind", "back", "right", "left", "facing", "leftmost", "rightmost", "looking", "across");

    public Nr3dEntry {
        Objects.requireNonNull(stimulusId, "stimulusId");
        Objects.requireNonNull(utterance, "utterance");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(extras, "extras");
        Nr3dStimulus s = Nr3dStimulus.parse(stimulusId);
        if (!s.scanId().equals(scanId) || s.targetId() != targetId) {
            throw new IllegalArgumentException("stimulus_id \"" + stimulusId + "\" names scan " + s.scanId()
                    + " and target " + s.targetId() + " but the row says " + scanId + " and " + targetId);
        }
    }

    @Override
    public String sceneId() {
        return scanId;
    }

    /** Scan, class, target and distractors decoded from {@link #stimulusId}. */
    public Nr3dStimulus stimulus() {
        return Nr3dStimulus.parse(stimulusId);
    }

    /** ReferIt3D's "hard" split, see {@link Nr3dStimulus#isHard}. */
    public boolean isHard() {
        return stimulus().isHard();
    }

    /** True when the utterance holds one of {@link #VIEW_DEPENDENT_WORDS}. */
    public boolean isViewDependent() {
        return Arrays.stream(utterance.toLowerCase(Locale.ROOT).split("[^a-z]+"))
                .anyMatch(VIEW_DEPENDENT_WORDS::contains);
    }

    /**
     * The optional Nr3D columns: annotation tags from the ReferIt3D release, whether the listener
     * found the target, and bookkeeping ids.
     */
    public record Extras(Optional<Boolean> mentionsTargetClass, Optional<Boolean> usesObjectLang,
                         Optional<Boolean> usesSpatialLang, Optional<Boolean> usesColorLang,
                         Optional<Boolean> usesShapeLang, Optional<Boolean> correctGuess,
                         Optional<String> dataset, Optional<String> assignmentId, Optional<String> workerId) {

        /** No optional column present. */
        public static final Extras NONE = new Extras(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        public Extras {
            Objects.requireNonNull(mentionsTargetClass, "mentionsTargetClass");
            Objects.requireNonNull(usesObjectLang, "usesObjectLang");
            Objects.requireNonNull(usesSpatialLang, "usesSpatialLang");
            Objects.requireNonNull(usesColorLang, "usesColorLang");
            Objects.requireNonNull(usesShapeLang, "usesShapeLang");
            Objects.requireNonNull(correctGuess, "correctGuess");
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(assignmentId, "assignmentId");
            Objects.requireNonNull(workerId, "workerId");
        }
    }
}
