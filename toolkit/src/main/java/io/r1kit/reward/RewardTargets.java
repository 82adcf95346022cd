package io.r1kit.reward;

import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.task.Task;

/**
 * Targets for real examples: an object of a scene, or what is known of an answer for a task
 * ({@link #forTask}). Which rewards score an example follows from what its target holds
 * ({@link RewardSet} leaves out a reward that does not apply), decided here per task:
 *
 * <table>
 * <caption>Rewards per task</caption>
 * <tr><th>task</th><th>target</th><th>rewards</th></tr>
 * <tr><td>grounding</td><td>the target object's box</td><td>format + perception</td></tr>
 * <tr><td>dense-caption, object-caption, qa, dialogue, planning</td><td>the reference answer</td><td>format + semantic</td></tr>
 * <tr><td>reasoning</td><td>the reference answer, plus the target's box when that answer names a box
 *     ({@code <obj>} tag)</td><td>format + semantic (+ perception)</td></tr>
 * </table>
 *
 * <p>A grounding answer is a box, so text similarity of two boxes' digits would only add noise;
 * a caption or QA answer has no box to compare. A reasoning answer whose reference does not answer
 * with a box would score 0 on perception whatever the model does, so it gets none.
 * The reference is the example's answer (as the public data sets and the nano model's training
 * write it); targets of the data engine's examples are made where training builds its prompts
 * ({@code train.grpo.ExampleTargets}).
 *
 * <pre>{@code
 * RewardTarget t = RewardTargets.ofObject(scene, 3, null);                  // object 3's box
 * RewardScore s = RewardTargets.defaultRewards().score(output, t);
 * }</pre>
 */
public final class RewardTargets {

    private RewardTargets() {}

    /** The three rewards of 3D-R1 (Sec. 3.2): format, perception, semantic (all-MiniLM-L6-v2). */
    public static RewardSet defaultRewards() {
        return RewardSet.of(new FormatReward(), new PerceptionReward(), new SemanticReward());
    }

    /**
     * A target about one object of {@code scene}: its box, read over the scene's bounds, and an
     * optional reference answer.
     *
     * @param reference the reference answer, or null for a box-only target
     * @throws IllegalArgumentException when the scene has no object {@code objectId} (the message lists the ids)
     */
    public static RewardTarget ofObject(Scene scene, int objectId, String reference) {
        SceneObject o = scene.object(objectId).orElseThrow(() -> new IllegalArgumentException(
                "scene " + scene.id() + " has no object " + objectId + " (ids: "
                        + scene.objects().stream().map(so -> String.valueOf(so.id())).reduce((a, b) -> a + ", " + b).orElse("none")
                        + ")"));
        return new RewardTarget(reference, o.box(), scene.bounds());
    }

    /**
     * The target for {@code task} from whatever is known, keeping only the parts the table above
     * gives that task (a grounding target drops the reference, a caption target the box).
     *
     * @param reference the reference answer, or null
     * @param box       the ground-truth box, or null
     * @param bounds    the scene bounds, or null (needed with a box)
     * @throws IllegalArgumentException naming what the task needs when it is missing
     */
    public static RewardTarget forTask(Task task, String reference, Box3 box, Box3 bounds) {
        switch (task) {
            case GROUNDING -> {
                if (box == null || bounds == null) {
                    throw new IllegalArgumentException("grounding is scored on a box: give the ground-truth box and the scene bounds");
                }
                return RewardTarget.ofBox(box, bounds);
            }
            case REASONING -> {
                if (reference == null && box == null) {
                    throw new IllegalArgumentException("reasoning is scored on a reference answer (and a box when it has one): give the answer");
                }
                if (box != null && bounds == null) {
                    throw new IllegalArgumentException("a ground-truth box needs the scene bounds to read <obj> values over");
                }
                return new RewardTarget(reference, box, box == null ? null : bounds);
            }
            default -> {
                if (reference == null) {
                    throw new IllegalArgumentException(task.slug() + " is scored on a reference answer: give the answer");
                }
                // a whole room's captions keep the bounds their boxes are read over
                return new RewardTarget(reference, null, task == Task.DENSE_CAPTION ? bounds : null);
            }
        }
    }
}
