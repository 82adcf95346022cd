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
 * @param passes the passes, longest outputs first
 * @param whole  the update's outputs and counted tokens
 */
public record UpdatePasses(List<Pass> passes, GrpoLoss.Whole whole) {

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

        /** Adds a pass. */
        public void add(Done d) {
            loss += d.loss();
            ratio += d.ratio() * d.tokens();
            low += d.lowClip() * d.tokens();
            high += d.highClip() * d.tokens();
            kl += d.kl() * d.tokens();
            tokens += d.tokens();
            entropy += d.entropySum();
            answerTokens += d.answerTokens();
        }

        /** The update's loss and its token means (0 when no token counted). */
        public Done result() {
            double t = Math.max(1, tokens);
            return new Done(loss, ratio / t, low / t, high / t, kl / t, tokens, entropy, answerTokens);
        }

        /** The policy's mean entropy over every answer token of the update. */
        public double entropy() {
            return entropy / Math.max(1, answerTokens);
        }
    }

    /**
     * Splits {@code batch} into passes of at most {@code size} outputs (0: one pass), longest first.
     *
     * @param keep       per output, 1 or 0 ({@link Pass#keep})
     * @param advantages per output
     */
    public static UpdatePasses of(List<VlmExample> batch, float[] keep, double[] advantages, int size) {
        if (keep.length != batch.size() || advantages.length != batch.size()) {
            throw new IllegalArgumentException(batch.size() + " outputs, " + keep.length + " keep flags and "
                    + advantages.length + " advantages: give one of each per output");
        }
        if (size < 0) {
            throw new IllegalArgumentException("per_device_train_batch_size must be >= 0, got " + size);
        }
        int per = size == 0 ? Math.max(1, batch.size()) : size;
        Integer[] order = IntStream.range(0, batch.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> -batch.get(i).answer().length));
        List<Pass> passes = new ArrayList<>();
        double tokens = 0;
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
                tokens += keep[i] * batch.get(i).answer().length;
            }
            passes.add(new Pass(rows, k, a));
        }
        return new UpdatePasses(passes, new GrpoLoss.Whole(batch.size(), tokens));
    }
}
