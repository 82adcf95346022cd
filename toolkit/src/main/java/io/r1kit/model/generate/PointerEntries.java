package io.r1kit.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.lm.Qwen2Model;

import java.util.List;

/**
 * A generation batch's pointer entries (dynamic vocabulary rows, e.g. the 3D model's scene objects): entry i of
 * a row is token id {@code V + i}, scored as {@code hidden · entry_i} and fed back as {@code entry_i}
 * ({@link Generator#generate(List, List, List, GenerationConfig, TokenDecoder, TokenListener)}).
 *
 * <p>Legend: B batch, N entries of a row, C width, V vocabulary.
 */
final class PointerEntries {

    private PointerEntries() {}

    /** Per row the entries [N, C] on the model's device and in its compute type, in {@code call}; null when none. */
    static NDArray[] of(Qwen2Model model, List<NDArray> pointers, int batch, NDManager call) {
        if (pointers == null || pointers.stream().allMatch(p -> p == null)) {
            return null;
        }
        NDArray[] out = new NDArray[batch];
        for (int b = 0; b < batch; b++) {
            NDArray p = pointers.get(b);
            if (p != null) {
                Shape s = p.getShape();
                if (s.dimension() != 2 || s.get(1) != model.config().hiddenSize()) {
                    throw new IllegalArgumentException("pointer entries of row " + b + " have shape " + s
                            + ", expected [N, " + model.config().hiddenSize() + "] (one row of the model's width per entry)");
                }
                out[b] = s.get(0) == 0 ? null : PromptBatch.inScope(p, model, call);
            }
        }
        return out;
    }

    /** The embeddings [B, 1, C] of one step's ids: a word's embedding, or for id V + i the row's entry i. */
    static NDArray stepEmbeddings(Qwen2Model model, long[] ids, NDArray[] entries, NDManager scope) {
        int batch = ids.length;
        int vocab = model.config().vocabSize();
        long[] words = ids.clone();
        boolean pointed = false;
        for (int b = 0; b < batch; b++) {
            if (words[b] >= vocab) {
                words[b] = 0;
                pointed = true;
            }
        }
        NDArray tokens = model.embed(scope.create(words, new Shape(batch, 1)));        // [B, 1, C]
        if (!pointed) {
            return tokens;
        }
        NDList rows = new NDList(batch);
        for (int b = 0; b < batch; b++) {
            rows.add(ids[b] >= vocab
                    ? entries[b].get(ids[b] - vocab).reshape(1, -1).toType(tokens.getDataType(), false)
                    : tokens.get(b));                                                  // [1, C]
        }
        return NDArrays.stack(rows);                                                   // [B, 1, C]
    }
}
