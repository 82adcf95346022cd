package io.r1kit.scene.proposal;

/**
 * Statistical outlier removal: a point whose mean distance to its k nearest neighbours exceeds the
 * mean of that statistic over all points by more than {@code stdRatio} standard deviations is
 * dropped. Stray points (sensor noise, reflections) would otherwise bridge objects or form tiny
 * clusters of their own.
 */
final class OutlierFilter {

    private OutlierFilter() {}

    /**
     * Which points to keep.
     *
     * @param xyz 3N coordinates
     * @return N flags, {@code true} = keep; all kept when there are at most k points
     */
    static boolean[] keep(float[] xyz, KdTree tree, int k, double stdRatio) {
        int n = xyz.length / 3;
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        if (n <= k) {
            return keep;
        }
        double[] meanDist = new double[n];
        int[] idx = new int[k];
        float[] d2 = new float[k];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            int got = tree.nearest(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], k, i, idx, d2);
            double s = 0;
            for (int j = 0; j < got; j++) {
                s += Math.sqrt(d2[j]);
            }
            meanDist[i] = s / got;
            sum += meanDist[i];
            sumSq += meanDist[i] * meanDist[i];
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        double limit = mean + stdRatio * std;
        for (int i = 0; i < n; i++) {
            keep[i] = meanDist[i] <= limit;
        }
        return keep;
    }
}
