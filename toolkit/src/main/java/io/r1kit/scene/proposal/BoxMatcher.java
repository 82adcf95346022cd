package io.r1kit.scene.proposal;

import io.r1kit.scene.Box3;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy one-to-one matching of predicted boxes to true boxes by axis-aligned 3D IoU, the usual
 * way detection recall and precision at an IoU threshold are counted (ScanNet/VoteNet use 0.25 and
 * 0.5): take the pair with the highest IoU, match it, remove both boxes, repeat while the best
 * remaining IoU reaches the threshold.
 *
 * <pre>{@code
 * BoxMatcher.Result r = BoxMatcher.match(proposalBoxes, trueBoxes, 0.25);
 * r.recall();    // matched / true boxes
 * r.precision(); // matched / proposals
 * }</pre>
 */
public final class BoxMatcher {

    private BoxMatcher() {}

    /**
     * Recall and precision at one threshold.
     *
     * @param matches  pairs {@code {predicted index, true index}}, in the order they were matched
     * @param predicted number of predicted boxes
     * @param truth    number of true boxes
     */
    public record Result(double threshold, List<int[]> matches, int predicted, int truth) {

        public Result {
            matches = List.copyOf(matches);
        }

        /** Matched true boxes over all true boxes; 0 when there are none. */
        public double recall() {
            return truth == 0 ? 0 : (double) matches.size() / truth;
        }

        /** Matched predictions over all predictions; 0 when there are none. */
        public double precision() {
            return predicted == 0 ? 0 : (double) matches.size() / predicted;
        }
    }

    public static Result match(List<Box3> predicted, List<Box3> truth, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("IoU threshold " + threshold + " is outside (0, 1]");
        }
        int p = predicted.size();
        int t = truth.size();
        double[][] iou = new double[p][t];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < t; j++) {
                iou[i][j] = predicted.get(i).iou(truth.get(j));
            }
        }
        boolean[] usedP = new boolean[p];
        boolean[] usedT = new boolean[t];
        List<int[]> matches = new ArrayList<>();
        while (true) {
            int bi = -1;
            int bj = -1;
            double best = threshold;
            for (int i = 0; i < p; i++) {
                if (usedP[i]) continue;
                for (int j = 0; j < t; j++) {
                    // >= keeps a pair exactly at the threshold; strict > among candidates keeps the first best.
                    if (!usedT[j] && (iou[i][j] > best || (bi < 0 && iou[i][j] >= best))) {
                        best = iou[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) break;
            usedP[bi] = true;
            usedT[bj] = true;
            matches.add(new int[] {bi, bj});
        }
        return new Result(threshold, matches, p, t);
    }
}
