package io.r1kit.train.grpo;

import io.r1kit.cot.tasks.Example;
import io.r1kit.eval.CiderIdf;
import io.r1kit.eval.tasks.TaskScores;
import io.r1kit.reward.Reward;
import io.r1kit.reward.RewardTarget;
import io.r1kit.scene.Box3;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;

import java.util.List;
import java.util.Objects;

/**
 * A verifiable reward for captions: CIDEr-D divided by 10 (so a caption equal to a typical reference earns
 * about 1, like the other rewards), the self-critical reward of captioning RL. Outputs are read as the
 * evaluation reads them ({@link TaskAnswer}, boxes dropped by {@link TaskScores#captionText}), so this reward
 * and the evaluation's headline agree on what a caption says:
 * <ul>
 *   <li>an answer in words (object captions, QA, dialogue, reasoning, planning): the answer's CIDEr-D against
 *       the reference answer;</li>
 *   <li>a dense caption ({@link #dense}): CIDEr@0.5 of the room as Scan2Cap scores it: per object to caption,
 *       the caption of the answered box that overlaps it most, scored against the object's reference caption
 *       when that overlap reaches 3D IoU 0.5 and 0 otherwise; the mean over the objects.</li>
 * </ul>
 * Document frequencies come from the run's own prompts of the task (one set per prompt, or per object for
 * dense captions), as the evaluation takes them from its questions.
 *
 * <pre>{@code
 * CiderIdf idf = CiderIdf.of(references);              // one list per prompt of the task
 * Reward cider = new CiderReward(Task.OBJECT_CAPTION, idf);
 * cider.score("<think>…</think><answer>A red chair.</answer>", RewardTarget.ofReference("A red chair."));
 * }</pre>
 */
public final class CiderReward implements Reward {

    /** The overlap at which a dense caption's box counts as the object's, as in CIDEr@0.5. */
    public static final double MIN_IOU = 0.5;

    private final Task task;
    private final CiderIdf idf;
    private final List<Box3> objects;

    /** The reward of {@code task}'s answers in words under the document frequencies {@code idf}. */
    public CiderReward(Task task, CiderIdf idf) {
        this(task, idf, List.of());
        if (task == Task.DENSE_CAPTION || task == Task.GROUNDING) {
            throw new IllegalArgumentException("this cider reward scores one answer in words; " + (task == Task.GROUNDING
                    ? "a grounding answer is a box" : "a dense caption's is made by CiderReward.dense"));
        }
    }

    private CiderReward(Task task, CiderIdf idf, List<Box3> objects) {
        this.task = Objects.requireNonNull(task, "task");
        this.idf = Objects.requireNonNull(idf, "idf");
        this.objects = List.copyOf(objects);
    }

    /**
     * The reward of {@code example}'s dense captions: its objects (from {@code graph}) are the ones to caption,
     * in the order its reference answer captions them; the target must carry the scene bounds.
     */
    public static CiderReward dense(Example example, SceneGraph graph, CiderIdf idf) {
        if (example.task() != Task.DENSE_CAPTION) {
            throw new IllegalArgumentException("CiderReward.dense scores dense captions, not " + example.task().slug());
        }
        return new CiderReward(Task.DENSE_CAPTION, idf, example.targets().stream().map(id -> graph.object(id)
                .orElseThrow(() -> new IllegalArgumentException("the room has no object " + id + " of the example"))
                .box()).toList());
    }

    @Override
    public String name() {
        return "cider";
    }

    @Override
    public double score(String output, RewardTarget target) {
        if (!applies(target)) {
            throw new IllegalArgumentException("the cider reward needs a reference answer"
                    + (task == Task.DENSE_CAPTION ? " and the scene bounds" : ""));
        }
        if (task != Task.DENSE_CAPTION) {
            String answer = TaskScores.captionText(TaskAnswer.read(task, output, target.bounds()).answer());
            return idf.score(answer, List.of(TaskScores.captionText(target.reference()))) / 10.0;
        }
        if (objects.isEmpty()) {
            return 0;
        }
        List<TaskAnswer.BoxCaption> truth = TaskAnswer.read(task, target.reference(), target.bounds()).captions();
        List<TaskAnswer.BoxCaption> given = TaskAnswer.read(task, output, target.bounds()).captions();
        double sum = 0;
        for (int k = 0; k < objects.size() && k < truth.size(); k++) {
            TaskScores.Overlap best = TaskScores.bestOverlap(given, objects.get(k));
            if (best.caption() != null && best.iou() >= MIN_IOU) {
                String caption = best.caption().caption().isBlank() ? "nothing"
                        : TaskScores.captionText(best.caption().caption());
                sum += idf.score(caption, List.of(truth.get(k).caption()));
            }
        }
        return sum / objects.size() / 10.0;
    }

    /** Needs a reference answer, and for dense captions the scene bounds its boxes are read over. */
    @Override
    public boolean applies(RewardTarget target) {
        return target != null && target.reference() != null && !target.reference().isBlank()
                && (task != Task.DENSE_CAPTION || target.bounds() != null);
    }
}
