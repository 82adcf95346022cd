package io.r1kit.train.grpo;

import io.r1kit.model.vlm.VlmExample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A GRPO update split into forward and backward passes of at most {@code per_device_train_batch_size}
 * outputs ({@link GrpoConfig#perDeviceTrainBatchSize}). Outputs are ordered longest first, so a pass pads its
 * rows to a similar length and a few long dense captions do not pad every short answer of the step to their
 * length. Each pass's loss is normalised by the whole update's counts ({@link GrpoLoss.Whole}), so the
 * gradients the passes add up are the one-pass gradient.
 *
 * <pre>{@code
 * UpdatePasses u = UpdatePasses.of(batch, keep, advantages, 16);
 * for (UpdatePasses.Pass p : u.passes()) { ... GrpoLoss.compute(..., options, u.whole()) ... }
 * }</pre>
 *
 * <p>{@link #withoutSilent} leaves out the outputs whose gradient is exactly zero (a masked truncated output; at
 * β = 0 also an output whose advantage is 0, the whole of a tied group): the loss's normalisation still counts
 * them ({@link #whole}), so the passes that are fed add up to the same gradient, for less work.
 *
 * @param passes       the passes, longest outputs first
 * @param whole        the update's outputs and counted tokens
 * @param silentTokens counted tokens of the outputs left out (none can be clipped: a clip share counts them)
 * @param silent       outputs left out
 */
public record UpdatePasses(List<Pass> passes, GrpoLoss.Whole whole, double silentTokens, int silent) {

    public UpdatePasses {
        passes = List.copyOf(passes);
    }

    /**
     * One pass.
     *
     * @param batch      the outputs with their prompts and scenes
     * @param keep       per output, 1 when it counts and 0 when it is left out (a masked truncated output)
     * @param advantages per output, its advantage
     */
    public record Pass(List<VlmExample> batch, float[] keep, float[] advantages) {
        public Pass {
            batch = List.copyOf(batch);
            keep = keep.clone();
            advantages = advantages.clone();
        }
    }

    /**
     * What a pass measured, as plain numbers: its share of the loss, its token means (ratio, clip shares, KL)
     * and sums (counted tokens, entropy over every answer token, answer tokens).
     */
    public record Done(double loss, double ratio, double lowClip, double highClip, double kl, double tokens,
                       double entropySum, double answerTokens) {}

    /** The passes of one update added up: the loss summed, token means weighted by each pass's tokens. */
    public static final class Sum {
        private double loss;
        private double ratio;
        private double low;
        private double high;
        private double kl;
        private double tokens;
        private double entropy;
        private double answerTokens;
        private double clipTokens;

        /** The sum of {@code u}'s passes, its silent outputs' tokens counted in the clip shares (none is clipped). */
        public static Sum of(UpdatePasses u) {
            Sum s = new Sum();
            s.clipTokens = u.silentTokens();
            return s;
        }

        /** Adds a pass. */
        public void add(Done d) {
            loss += d.loss();
            ratio += d.ratio() * d.tokens();
            low += d.lowClip() * d.tokens();
            high += d.highClip() * d.tokens();
            kl += d.kl() * d.tokens();
            tokens += d.tokens();
            clipTokens += d.tokens();
            entropy += d.entropySum();
            answerTokens += d.answerTokens();
        }

        /**
         * The update's loss and its token means (0 when no token counted): the clip shares over every counted token,
         * silent outputs' included; the ratio and KL over the tokens fed.
         */
        public Done result() {
            double t = Math.max(1, tokens);
            double c = Math.max(1, clipTokens);
            return new Done(loss, ratio / t, low / c, high / c, kl / t, tokens, entropy, answerTokens);
        }

        /** The policy's mean entropy over every answer token fed to the update; NaN when none was. */
        public double entropy() {
            return answerTokens == 0 ? Double.NaN : entropy / answerTokens;
        }
    }

    /**
     * Splits {@code batch} into passes of at most {@code size} outputs (0: one pass), longest first.
     *
     * @param keep       per output, 1 or 0 ({@link Pass#keep})
     * @param advantages per output
     */
    public static UpdatePasses of(List<VlmExample> batch, float[] keep, double[] advantages, int size) {
        return split(batch, keep, advantages, size, null);
    }

    /**
     * As {@link #of}, leaving out the outputs whose gradient is exactly zero: masked ones ({@code keep} 0) and, when
     * the loss has no KL term ({@code klTerm} false: β = 0), those whose advantage is 0. Every output still counts
     * in {@link #whole}, so the gradient of the passes is that of {@link #of}'s.
     */
    public static UpdatePasses withoutSilent(List<VlmExample> batch, float[] keep, double[] advantages, int size,
                                             boolean klTerm) {
        check(batch, keep, advantages);
        boolean[] silent = new boolean[batch.size()];
        for (int i = 0; i < silent.length; i++) {
            silent[i] = keep[i] == 0 || !klTerm && advantages[i] == 0;
        }
        return split(batch, keep, advantages, size, silent);
    }

    private static void check(List<VlmExample> batch, float[] keep, double[] advantages) {
        if (keep.length != batch.size() || advantages.length != batch.size()) {
            throw new IllegalArgumentException(batch.size() + " outputs, " + keep.length + " keep flags and "
                    + advantages.length + " advantages: give one of each per output");
        }
    }

    private static UpdatePasses split(List<VlmExample> batch, float[] keep, double[] advantages, int size,
                                      boolean[] silent) {
        check(batch, keep, advantages);
        if (size < 0) {
            throw new IllegalArgumentException("per_device_train_batch_size must be >= 0, got " + size);
        }
        int per = size == 0 ? Math.max(1, batch.size()) : size;
        double tokens = 0;
        double silentTokens = 0;
        int left = 0;
        for (int i = 0; i < batch.size(); i++) {
            tokens += keep[i] * batch.get(i).answer().length;
            if (silent != null && silent[i]) {
                silentTokens += keep[i] * batch.get(i).answer().length;
                left++;
            }
        }
        Integer[] order = IntStream.range(0, batch.size()).filter(i -> silent == null || !silent[i]).boxed()
                .toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> -batch.get(i).answer().length));
        List<Pass> passes = new ArrayList<>();
        for (int from = 0; from < order.length; from += per) {
            int n = Math.min(per, order.length - from);
            List<VlmExample> rows = new ArrayList<>(n);
            float[] k = new float[n];
            float[] a = new float[n];
            for (int j = 0; j < n; j++) {
                int i = order[from + j];
                rows.add(batch.get(i));
                k[j] = keep[i];
                a[j] = (float) advantages[i];
            }
            passes.add(new Pass(rows, k, a));
        }
        return new UpdatePasses(passes, new GrpoLoss.Whole(batch.size(), tokens), silentTokens, left);
    }
}
