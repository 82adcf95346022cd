package io.r1kit.train.grpo;

import io.r1kit.cot.tasks.Example;
import io.r1kit.reward.Reward;
import io.r1kit.reward.RewardTarget;
import io.r1kit.scene.Box3;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A verifiable reward for a whole room's dense captions, scored as Scan2Cap scores them: each captioned
 * box is matched, one to one, to the unmatched object it overlaps most at 3D IoU ≥ 0.5 (with the object's box
 * as the 0..255 grid can write it, so a rug a centimetre thick can be matched too); a matched caption
 * earns half a point for naming the object's label and half for its colour word. The sum is divided by
 * the larger of the objects to caption and the captions given, so a reply is paid for covering every
 * object once: a missed object, a caption of nothing and a caption written twice all cost the same.
 * Made per prompt (it checks against that prompt's objects in the room's exact scene graph); the target
 * must carry the scene bounds its {@code <obj>} values are read over.
 *
 * <pre>{@code
 * Reward captions = new CaptionMatchReward(example, room.graph());
 * captions.score(output, ExampleTargets.of(example, room.scene()));   // 1.0: every object, its label and colour
 * }</pre>
 */
public final class CaptionMatchReward implements Reward {

    /** The IoU a captioned box must reach with an object to caption it, as in Scan2Cap's CIDEr@0.5. */
    public static final double MIN_IOU = 0.5;

    private final Example example;
    private final List<RoomObject> objects;

    /** The reward of {@code example}'s outputs (a dense caption), checked against {@code graph}. */
    public CaptionMatchReward(Example example, SceneGraph graph) {
        this.example = Objects.requireNonNull(example, "example");
        Objects.requireNonNull(graph, "graph");
        if (example.task() != Task.DENSE_CAPTION) {
            throw new IllegalArgumentException("the captions reward scores whole-room dense captions, not "
                    + example.task().slug());
        }
        this.objects = example.targets().stream().map(id -> graph.object(id).orElseThrow(() ->
                new IllegalArgumentException("the room has no object " + id + " of the example"))).toList();
    }

    @Override
    public String name() {
        return "captions";
    }

    @Override
    public double score(String output, RewardTarget target) {
        if (target.bounds() == null) {
            throw new IllegalArgumentException("the captions reward reads boxes over the scene bounds: the target has none");
        }
        List<TaskAnswer.BoxCaption> captions = TaskAnswer.read(Task.DENSE_CAPTION, output, target.bounds()).captions();
        int slots = Math.max(objects.size(), captions.size());
        if (slots == 0) {
            return 0;
        }
        BoxCodec grid = new BoxCodec(target.bounds());
        List<Box3> boxes = objects.stream().map(o -> grid.dequantise(grid.quantise(o.box()))).toList();
        boolean[] taken = new boolean[objects.size()];
        double earned = 0;
        for (TaskAnswer.BoxCaption c : captions) {
            int best = -1;
            double bestIou = MIN_IOU;
            for (int i = 0; i < boxes.size(); i++) {
                double iou = taken[i] ? 0 : c.box().iou(boxes.get(i));
                if (iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                earned += credit(c.caption(), objects.get(best));
            }
        }
        return earned / slots;
    }

    /** Half for the object's label, half for its colour word, each as whole words of the caption. */
    static double credit(String caption, RoomObject o) {
        String text = " " + caption.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip() + " ";
        double c = text.contains(" " + o.label().toLowerCase(Locale.ROOT) + " ") ? 0.5 : 0;
        return c + (text.contains(" " + o.colour().word() + " ") ? 0.5 : 0);
    }

    /** Whether the target can be read: it needs the scene bounds. */
    @Override
    public boolean applies(RewardTarget target) {
        return target.bounds() != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaptionMatchReward r && example.equals(r.example) && objects.equals(r.objects);
    }

    @Override
    public int hashCode() {
        return example.hashCode();
    }
}
