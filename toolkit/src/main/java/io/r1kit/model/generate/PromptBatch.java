package io.r1kit.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.lm.Qwen2Config;
import io.r1kit.model.lm.Qwen2Model;

import java.util.Arrays;
import java.util.List;

/**
 * The prefill of a batch: per row, left padding, then the row's prefix embeddings, then its prompt
 * tokens, all W positions long. Validated on construction so that a bad row fails before any
 * native memory is used.
 *
 * <p>Legend: B batch, W padded length, P prefix embeddings of a row, C width.
 */
final class PromptBatch {

    private final List<int[]> prompts;
    private final List<NDArray> prefixes; // per row [P, C] or null
    private final int[] prefixLengths;
    private final int width;
    private final int padTokenId;

    PromptBatch(List<int[]> prompts, List<NDArray> prefixes, Qwen2Config config, int padTokenId) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompts: give at least one row");
        }
        if (prefixes != null && prefixes.size() != prompts.size()) {
            throw new IllegalArgumentException(prefixes.size() + " prefixes for " + prompts.size()
                    + " prompts: give one per row (null for a row without)");
        }
        this.prompts = List.copyOf(prompts);
        this.prefixes = prefixes == null ? null : Arrays.asList(prefixes.toArray(new NDArray[0]));
        this.padTokenId = padTokenId;
        this.prefixLengths = new int[prompts.size()];
        int vocab = config.vocabSize();
        int widest = 0;
        for (int b = 0; b < prompts.size(); b++) {
            NDArray prefix = this.prefixes == null ? null : this.prefixes.get(b);
            if (prefix != null) {
                Shape s = prefix.getShape();
                if (s.dimension() != 2 || s.get(1) != config.hiddenSize()) {
                    throw new IllegalArgumentException("prefix of row " + b + " has shape " + s
                            + ", expected [P, " + config.hiddenSize() + "] (one row of the model's width per position)");
                }
                if (prefix.getDataType() != DataType.FLOAT32) {
                    throw new IllegalArgumentException("prefix of row " + b + " is " + prefix.getDataType()
                            + ", expected float32 (convert with toType(DataType.FLOAT32, false))");
                }
                prefixLengths[b] = (int) s.get(0);
            }
            for (int t : prompts.get(b)) {
                if (t < 0 || t >= vocab) {
                    throw new IllegalArgumentException("token id " + t + " is outside the vocabulary 0.." + (vocab - 1));
                }
            }
            if (length(b) == 0) {
                throw new IllegalArgumentException("row " + b + " is empty: every row needs a token or a prefix embedding");
            }
            widest = Math.max(widest, length(b));
        }
        this.width = widest;
    }

    /** Positions of row {@code b} before padding: prefix plus prompt tokens. */
    int length(int b) {
        return prefixLengths[b] + prompts.get(b).length;
    }

    /** [B][W]: true for the prefix and the tokens, false for the left padding. */
    boolean[][] keep() {
        boolean[][] keep = new boolean[prompts.size()][width];
        for (int b = 0; b < keep.length; b++) {
            Arrays.fill(keep[b], width - length(b), width, true);
        }
        return keep;
    }

    /** [B*W] ids, row-major: the pad id in padding and prefix slots (the latter replaced in {@link #embeddings}). */
    long[] ids() {
        long[] ids = new long[prompts.size() * width];
        Arrays.fill(ids, padTokenId);
        for (int b = 0; b < prompts.size(); b++) {
            int[] p = prompts.get(b);
            for (int j = 0; j < p.length; j++) {
                ids[b * width + width - p.length + j] = p[j];
            }
        }
        return ids;
    }

    /** The prefill's input embeddings [B, W, C], in {@code scope}. */
    NDArray embeddings(Qwen2Model model, NDManager scope) {
        int batch = prompts.size();
        NDArray tokens = model.embed(scope.create(ids(), new Shape(batch, width)));  // [B, W, C]
        if (prefixes == null || prefixes.stream().allMatch(p -> p == null)) {
            return tokens;
        }
        NDList rows = new NDList(batch);
        for (int b = 0; b < batch; b++) {
            NDArray row = tokens.get(b);                                             // [W, C]
            if (prefixLengths[b] > 0) {
                int start = width - length(b);
                NDArray prefix = inScope(prefixes.get(b), model, scope);             // [P, C]
                // padding ++ prefix ++ tokens: the prefix takes the slots the pad id held
                row = NDArrays.concat(new NDList(row.get(":" + start), prefix,
                        row.get((start + prefixLengths[b]) + ":")), 0);              // [W, C]
            }
            rows.add(row);
        }
        return NDArrays.stack(rows);                                                 // [B, W, C]
    }

    /**
     * The prefix on the model's device and in its compute type, in {@code scope}: a copy, so the
     * caller's array is left as it was.
     */
    static NDArray inScope(NDArray prefix, Qwen2Model model, NDManager scope) {
        NDArray copy = prefix.toDevice(model.device(), true);
        DataType type = model.dtype().dataType();
        if (copy.getDataType() != type) {
            NDArray wide = copy;
            copy = wide.toType(type, false);
            wide.close();
        }
        copy.attach(scope);
        return copy;
    }
}
