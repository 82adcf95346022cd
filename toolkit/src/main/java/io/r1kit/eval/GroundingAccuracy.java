package io.r1kit.eval;

import io.r1kit.scene.Box3;

import java.util.List;

/**
 * ScanRefer's visual-grounding accuracy: the fraction of referring expressions whose predicted box
 * has an axis-aligned 3D IoU of at least 0.25 (Acc@0.25) or 0.5 (Acc@0.5) with the target box,
 * over all expressions and split by "unique" (the target is the only object of its class in the
 * scene) and "multiple" (other objects of its class are present).
 *
 * <pre>{@code
 * var r = GroundingAccuracy.of(List.of(new GroundingAccuracy.Sample(pred, target, true)));
 * r.overall().at25();
 * }</pre>
 *
 * @param unique   accuracy on unique targets
 * @param multiple accuracy on multiple targets
 * @param overall  accuracy on all targets
 * @param ious     IoU of each sample, in input order
 */
public record GroundingAccuracy(Split unique, Split multiple, Split overall, double[] ious) {

    /** One referring expression: predicted box (null when the answer gave none: IoU 0), target box, whether the target is unique. */
    public record Sample(Box3 predicted, Box3 target, boolean unique) {}

    /**
     * Accuracy of one split.
     *
     * @param count   number of samples (0 leaves both accuracies NaN: there is nothing to score)
     * @param at25    fraction with IoU >= 0.25
     * @param at50    fraction with IoU >= 0.5
     * @param meanIou mean IoU
     */
    public record Split(int count, double at25, double at50, double meanIou) {}

    /** Scores the samples. ScanRefer counts IoU >= threshold as correct. */
    public static GroundingAccuracy of(List<Sample> samples) {
        double[] ious = new double[samples.size()];
        double[][] sums = new double[2][3]; // [unique, multiple] x [hits@0.25, hits@0.5, iou sum]
        int[] counts = new int[2];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            double iou = s.predicted() == null ? 0 : s.predicted().iou(s.target());
            ious[i] = iou;
            int g = s.unique() ? 0 : 1;
            counts[g]++;
            sums[g][0] += iou >= 0.25 ? 1 : 0;
            sums[g][1] += iou >= 0.5 ? 1 : 0;
            sums[g][2] += iou;
        }
        double[] all = {sums[0][0] + sums[1][0], sums[0][1] + sums[1][1], sums[0][2] + sums[1][2]};
        return new GroundingAccuracy(split(counts[0], sums[0]), split(counts[1], sums[1]),
                split(counts[0] + counts[1], all), ious);
    }

    private static Split split(int n, double[] s) {
        return n == 0 ? new Split(0, Double.NaN, Double.NaN, Double.NaN) : new Split(n, s[0] / n, s[1] / n, s[2] / n);
    }
}
