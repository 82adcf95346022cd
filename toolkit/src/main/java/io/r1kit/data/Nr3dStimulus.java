package io.r1kit.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a ReferIt3D (Nr3D/Sr3D) {@code stimulus_id} encodes:
 * {@code <scan>-<class>-<n>-<target>-<distractor 1>-...-<distractor n-1>}, where {@code n} counts
 * the objects of the target's class in the scan (the target and its distractors) and spaces in the
 * class are written as underscores. Example: {@code scene0525_00-office_chair-3-7-2-9} is an office
 * chair (object 7) among three, with distractors 2 and 9.
 *
 * @param scanId        ScanNet scan
 * @param instanceType  class of the target, underscores turned back into spaces
 * @param objectCount   objects of that class in the scan, target included
 * @param targetId      instance id of the target
 * @param distractorIds instance ids of the other objects of the class
 */
public record Nr3dStimulus(String scanId, String instanceType, int objectCount, int targetId,
                           List<Integer> distractorIds) {

    public Nr3dStimulus {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(instanceType, "instanceType");
        distractorIds = List.copyOf(distractorIds);
        if (distractorIds.size() != objectCount - 1) {
            throw new IllegalArgumentException(objectCount + " objects but " + distractorIds.size() + " distractors");
        }
    }

    /**
     * ReferIt3D's split: "hard" when the scan holds more than two objects of the target's class,
     * i.e. at least two same-class distractors; "easy" with exactly one.
     */
    public boolean isHard() {
        return objectCount > 2;
    }

    /**
     * Parses a stimulus id. Class names may themselves contain hyphens, so the class ends where
     * the trailing run of integers begins whose first value {@code n} is followed by exactly
     * {@code n} more integers.
     *
     * @throws IllegalArgumentException if {@code stimulusId} does not have that shape
     */
    public static Nr3dStimulus parse(String stimulusId) {
        String[] t = stimulusId.split("-", -1);
        for (int i = 2; i < t.length - 1; i++) {
            List<Integer> ints = integers(t, i);
            if (ints != null && ints.get(0) == t.length - i - 1) {
                String label = String.join("-", List.of(t).subList(1, i)).replace('_', ' ');
                return new Nr3dStimulus(t[0], label, ints.get(0), ints.get(1), ints.subList(2, ints.size()));
            }
        }
        throw new IllegalArgumentException("stimulus_id \"" + stimulusId
                + "\" is not <scan>-<class>-<n>-<target>-<n-1 distractors>");
    }

    private static List<Integer> integers(String[] tokens, int from) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < tokens.length; i++) {
            if (tokens[i].isEmpty() || !tokens[i].chars().allMatch(c -> c >= '0' && c <= '9') || tokens[i].length() > 9) {
                return null;
            }
            out.add(Integer.parseInt(tokens[i]));
        }
        return out;
    }
}
