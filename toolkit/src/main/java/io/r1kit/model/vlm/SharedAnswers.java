package io.r1kit.model.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.Constants;
import io.r1kit.model.generate.LogitsRule;
import io.r1kit.model.lm.KvCache;
import io.r1kit.model.lm.Qwen2Model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A teacher-forced pass over answers whose rows repeat a scene and prompt (a GRPO group is G answers to one
 * prompt, and an update pass holds a few groups): each distinct scene-and-prompt prefix is fed once, its KV-cache
 * row is copied to the rows that repeat it ({@link KvCache#rowsOf}), and only the answers are fed after it; the
 * LM head and the softmax run at answer positions only. The answers' log-probabilities and entropies are those
 * of {@link Vlm3d#forward(List, NDManager, double, boolean, LogitsRule)} to rounding, and the gradient reaches
 * the same parameters: the copy is a gather, so a prefix's gradient is the sum over the rows that repeat it.
 *
 * <pre>{@code
 * VlmOutput out = SharedAnswers.forward(policy, groups, scope, 1.2, true, null);
 * NDArray lp = out.answerLogProbs();   // [B, A], as forward gives them
 * }</pre>
 *
 * <p>Legend: B rows, U distinct prefixes, P longest prefix (scene tokens and prompt), A longest answer,
 * C width, V vocabulary, N pointer entries (objects) of a row.
 */
public final class SharedAnswers {

    private SharedAnswers() {}

    /**
     * The answers of {@code batch} under {@code model} at {@code temperature} (and {@code rule}, may be null),
     * with each answer position's entropy when {@code entropy}. When no two rows share a scene and prompt this is
     * {@link Vlm3d#forward(List, NDManager, double, boolean, LogitsRule)} itself; otherwise the output's logits
     * are those of the answer positions only ({@code [B, A, V(+N)]}, every {@code answerFrom} 0) and it holds no
     * object-name loss.
     */
    public static VlmOutput forward(Vlm3d model, List<VlmExample> batch, NDManager scope, double temperature,
                                    boolean entropy, LogitsRule rule) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        int rows = batch.size();
        List<Integer> firsts = new ArrayList<>();                 // the first row of each distinct prefix
        int[] rowOf = new int[rows];                              // per row, its prefix
        int width = 0;                                            // A
        for (int b = 0; b < rows; b++) {
            VlmExample e = batch.get(b);
            rowOf[b] = -1;
            for (int k = 0; k < firsts.size() && rowOf[b] < 0; k++) {
                VlmExample f = batch.get(firsts.get(k));
                rowOf[b] = f.features() == e.features() && Arrays.equals(f.prompt(), e.prompt()) ? k : -1;
            }
            if (rowOf[b] < 0) {
                rowOf[b] = firsts.size();
                firsts.add(b);
            }
            width = Math.max(width, e.answer().length);
        }
        if (firsts.size() == rows || width == 0) {
            return model.forward(batch, scope, temperature, entropy, rule);
        }
        VlmConfig config = model.config();
        Qwen2Model decoder = model.decoder();
        int c = config.decoder().hiddenSize();
        Map<SceneFeatures, NDArray> scenes = new IdentityHashMap<>();                        // scene tokens [S, C]
        List<NDArray> entries = new ArrayList<>(rows);                                         // per row [N, C] or null
        int widest = 0;
        for (VlmExample e : batch) {
            NDArray tokens = scenes.computeIfAbsent(e.features(), f -> model.sceneTokens(f, scope));
            entries.add(model.pointerEntries(tokens));
            widest = Math.max(widest, VlmBatch.objects(config, e));
        }
        // the prefixes, left-padded so that every prefix ends at the last position
        int u = firsts.size();
        NDArray[] prefix = new NDArray[u];
        int longest = 0;
        for (int k = 0; k < u; k++) {
            int b = firsts.get(k);
            VlmExample e = batch.get(b);
            NDArray prompt = VlmBatch.embed(model, b, e.prompt(), VlmBatch.objects(config, e), entries.get(b), scope);
            prefix[k] = scenes.get(e.features()).concat(prompt, 0);                            // [S + prompt, C]
            longest = Math.max(longest, (int) prefix[k].getShape().get(0));
        }
        boolean[][] keep = new boolean[u][longest];
        NDList padded = new NDList(u);
        for (int k = 0; k < u; k++) {
            int n = (int) prefix[k].getShape().get(0);
            Arrays.fill(keep[k], longest - n, longest, true);
            padded.add(n < longest ? scope.zeros(new Shape(longest - n, c)).concat(prefix[k], 0) : prefix[k]);
        }
        KvCache cache = decoder.newCache(scope, u);
        NDArray last = decoder.hidden(NDArrays.stack(padded), keep, cache).get(new NDIndex(":, -1, :")); // [U, C]
        NDArray index = scope.create(Arrays.stream(rowOf).asLongStream().toArray());
        NDArray hidden = last.get(new NDIndex("{}", index)).expandDims(1);                    // [B, 1, C]
        if (width > 1) {
            // each answer but its last token, right-padded, after its prefix's copied cache row
            boolean[][] fed = new boolean[rows][width - 1];
            NDList inputs = new NDList(rows);
            for (int b = 0; b < rows; b++) {
                VlmExample e = batch.get(b);
                int n = Math.max(0, e.answer().length - 1);
                Arrays.fill(fed[b], 0, n, true);
                NDArray in = n == 0 ? scope.zeros(new Shape(0, c)) : VlmBatch.embed(model, b,
                        Arrays.copyOf(e.answer(), n), VlmBatch.objects(config, e), entries.get(b), scope);
                inputs.add(n < width - 1 ? in.concat(scope.zeros(new Shape(width - 1 - n, c)), 0) : in);
            }
            NDArray answers = decoder.hidden(NDArrays.stack(inputs), fed, cache.rowsOf(scope, rowOf)); // [B, A - 1, C]
            hidden = hidden.concat(answers, 1);                                                // [B, A, C]
        }
        return outputs(model, batch, hidden, entries, widest, width, temperature, entropy, rule, scope);
    }

    /** The log-probabilities, mask and entropies at answer positions from their hidden states [B, A, C]. */
    private static VlmOutput outputs(Vlm3d model, List<VlmExample> batch, NDArray hidden, List<NDArray> entries,
                                     int widest, int width, double temperature, boolean entropy, LogitsRule rule,
                                     NDManager scope) {
        VlmConfig config = model.config();
        int rows = batch.size();
        NDArray logits = model.decoder().logits(hidden);                                     // [B, A, V]
        if (widest > 0) {
            logits = logits.concat(ObjectHeads.pointerLogits(hidden, entries, widest,
                    config.decoder().hiddenSize(), scope), 2);                                // [B, A, V + N]
        }
        NDArray logProbs = (temperature == 1.0 ? logits : Constants.over(logits, temperature)).logSoftmax(-1);
        long[] targets = new long[rows * width];
        float[] in = new float[rows * width];
        int[] sizes = new int[rows];
        for (int b = 0; b < rows; b++) {
            int[] answer = batch.get(b).answer();
            sizes[b] = answer.length;
            for (int j = 0; j < answer.length; j++) {
                targets[b * width + j] = answer[j];
                in[b * width + j] = 1f;
            }
        }
        // gather, not a one-hot product: masked pointer columns hold -inf and 0 * -inf is NaN
        NDArray tokenLogProbs = logProbs.gather(scope.create(targets, new Shape(rows, width, 1)), 2)
                .reshape(rows, width);                                                        // [B, A]
        int[] from = new int[rows];                                                           // answer-aligned: 0
        if (rule != null) {
            tokenLogProbs = RuledLogProbs.apply(tokenLogProbs, logProbs, batch, from, config, rule, scope);
        }
        NDArray mask = scope.create(in, new Shape(rows, width));                             // [B, A]
        tokenLogProbs = tokenLogProbs.mul(mask);
        NDArray entropies = null;
        if (entropy) {
            NDArray lp = logProbs.stopGradient();
            entropies = lp.exp().mul(lp.maximum(-1e30f)).sum(new int[] {2}).neg();          // [B, A]
        }
        return new VlmOutput(logits, VlmOutput.crossEntropy(tokenLogProbs, mask), from, sizes, tokenLogProbs, mask,
                null, entropies);
    }
}
