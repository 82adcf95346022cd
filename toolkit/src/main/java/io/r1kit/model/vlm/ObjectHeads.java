package io.r1kit.model.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.Constants;
import io.r1kit.model.lm.Qwen2Model;

import java.util.List;

/**
 * What {@link Vlm3d#forward} reads from the objects' feature tokens besides the scene prefix: the
 * pointer logits (objects scored like extra words of the tied LM head) and the object-naming loss.
 *
 * <p>Legend: B batch, L longest row, N most encoded objects of a row, C width, V vocabulary.
 */
final class ObjectHeads {

    private ObjectHeads() {}

    /**
     * The pointer logits {@code [B, L, N]}: {@code hidden · feature_i} (objects score like extra words of
     * the tied LM head), -inf past a row's own objects, float32.
     */
    static NDArray pointerLogits(NDArray hidden, List<NDArray> entries, int widest, int c, NDManager scope) { // c: width C
        NDList padded = new NDList(entries.size());
        float[] mask = new float[entries.size() * widest];
        for (int b = 0; b < entries.size(); b++) {
            NDArray e = entries.get(b);
            int n = e == null ? 0 : (int) e.getShape().get(0);
            NDArray row = e == null ? scope.zeros(new Shape(0, c)) : e.toType(DataType.FLOAT32, false);
            if (n < widest) {
                row = row.concat(scope.zeros(new Shape(widest - n, c)), 0);
            }
            padded.add(row);                                                                  // [N, C]
            java.util.Arrays.fill(mask, b * widest + n, (b + 1) * widest, Float.NEGATIVE_INFINITY);
        }
        NDArray table = NDArrays.stack(padded).transpose(0, 2, 1).toType(hidden.getDataType(), false); // [B, C, N]
        NDArray scores = hidden.matMul(table).toType(DataType.FLOAT32, false);               // [B, L, N]
        return scores.add(scope.create(mask, new Shape(entries.size(), 1, widest)));         // [B, L, N]
    }

    /**
     * The object-naming loss: the mean cross-entropy of each named object's feature token, read
     * through the (tied) LM head, against its label's head word and, when known, its colour word and its
     * place word (a token scored against several words settles on all of them); null when no example names
     * its objects. It ties an object's token to the words a question and a reasoning step use for it ("door", "grey"), so
     * grounding can match them before it has learned anything else and a step that says an object's
     * colour can read it off the token it attends to (Chat-Scene and 3D-R1's detector queries get the
     * same from a pre-trained detector; the nano encoder starts from nothing).
     */
    static NDArray objectNameLoss(Qwen2Model decoder, List<VlmExample> batch, List<NDArray> prefixes, NDManager scope) {
        int vocab = decoder.config().vocabSize();
        NDArray sum = null;
        int named = 0;
        for (int b = 0; b < batch.size(); b++) {
            int[][] words = batch.get(b).namedWords(vocab);
            int n = words[0].length;
            if (n == 0) {
                continue;
            }
            long[] at = new long[n];
            long[] ids = new long[n];
            for (int k = 0; k < n; k++) {
                at[k] = 1L + (long) ObjectEncoder.TOKENS_PER_OBJECT * words[0][k];                 // feature token of the object
                ids[k] = words[1][k];
            }
            NDArray rows = prefixes.get(b).get(scope.create(at));                           // [n, C]
            NDArray logProbs = decoder.logits(rows.reshape(1, n, -1)).reshape(n, vocab).logSoftmax(-1); // [n, V]
            NDArray picked = logProbs.mul(scope.create(ids).oneHot(vocab)).sum();              // scalar
            sum = sum == null ? picked : sum.add(picked);
            named += n;
        }
        return sum == null ? null : Constants.over(sum, named).neg();
    }
}
