package io.r1kit.model.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A teacher-forced batch packed for {@link Vlm3d#forward(List, NDManager)}: each row is its scene tokens,
 * prompt and answer embedded and right-padded to the longest row, with the attention mask, the token each
 * position must predict, and where each row's answer sits. With object pointers a token id {@code V + i}
 * is embedded as object i's feature token (gathered, so gradients reach the encoder).
 *
 * <p>Legend: B rows, S scene tokens of a row, L longest row (S + prompt + answer), A longest answer,
 * C width, N encoded objects (pointer entries) of a row.
 *
 * @param embeddings    [B, L, C] the rows' input embeddings
 * @param keep          per row and position, whether it is a real token (padding is masked out of attention)
 * @param targets       [B * L] the token each position predicts (answer positions only; 0 elsewhere)
 * @param prefixes      per row, its scene tokens [S, C]
 * @param entries       per row, its pointer entries [N, C], or null
 * @param widestObjects the most pointer entries of a row (0 without pointers)
 * @param answerFrom    per row, the position whose output predicts the first answer token
 * @param answerSizes   per row, its answer tokens
 */
record VlmBatch(NDArray embeddings, boolean[][] keep, long[] targets, List<NDArray> prefixes, List<NDArray> entries,
                int widestObjects, int[] answerFrom, int[] answerSizes) {

    /** Packs {@code batch} with {@code model}'s encoder and embeddings, in {@code scope}. */
    static VlmBatch pack(Vlm3d model, List<VlmExample> batch, NDManager scope) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("empty batch: give at least one example");
        }
        VlmConfig config = model.config();
        int rows = batch.size();
        int c = config.decoder().hiddenSize();
        List<NDArray> prefixes = new ArrayList<>();
        List<NDArray> entries = new ArrayList<>();
        int[] lengths = new int[rows];
        int widestObjects = 0;
        for (int b = 0; b < rows; b++) {
            NDArray prefix = model.sceneTokens(batch.get(b).features(), scope);              // [S, C]
            prefixes.add(prefix);
            entries.add(model.pointerEntries(prefix));                                        // [N, C] or null
            lengths[b] = (int) prefix.getShape().get(0) + batch.get(b).prompt().length + batch.get(b).answer().length;
            if (config.objectPointers()) {
                widestObjects = Math.max(widestObjects, batch.get(b).features().objects().size());
            }
        }
        int longest = Arrays.stream(lengths).max().orElseThrow();
        boolean[][] keep = new boolean[rows][longest];
        long[] targets = new long[rows * longest];
        int[] answerFrom = new int[rows];
        int[] answerSizes = new int[rows];
        NDList embeds = new NDList(rows);
        for (int b = 0; b < rows; b++) {
            VlmExample e = batch.get(b);
            int[] prompt = e.prompt();
            int[] answer = e.answer();
            NDList parts = new NDList(prefixes.get(b), tokens(model, b, e, entries.get(b), scope));
            if (lengths[b] < longest) {
                parts.add(scope.zeros(new Shape(longest - lengths[b], c)));                  // right padding
            }
            embeds.add(NDArrays.concat(parts, 0));                                            // [L, C]
            Arrays.fill(keep[b], 0, lengths[b], true);
            answerFrom[b] = (int) prefixes.get(b).getShape().get(0) + prompt.length - 1;
            answerSizes[b] = answer.length;
            for (int j = 0; j < answer.length; j++) {
                targets[b * longest + answerFrom[b] + j] = answer[j];
            }
        }
        return new VlmBatch(NDArrays.stack(embeds), keep, targets, prefixes, entries, widestObjects, answerFrom,
                answerSizes);
    }

    /** Embeddings [T, C] of row {@code b}'s prompt and answer; a pointer id is its object's feature token. */
    private static NDArray tokens(Vlm3d model, int b, VlmExample e, NDArray entry, NDManager scope) {
        int[] prompt = e.prompt();
        int[] answer = e.answer();
        int[] ids = IntStream.concat(Arrays.stream(prompt), Arrays.stream(answer)).toArray();
        return embed(model, b, ids, objects(model.config(), e), entry, scope);
    }

    /** The pointer entries row {@code e} may point at: its scene's objects with pointers on, else none. */
    static int objects(VlmConfig config, VlmExample e) {
        return config.objectPointers() ? e.features().objects().size() : 0;
    }

    /**
     * Embeddings [T, C] of token ids {@code ids} of row {@code b} whose scene has {@code objects} pointer entries
     * {@code entry} [N, C] (null when none): a pointer id {@code V + i} is entry i, gathered so gradients reach it.
     */
    static NDArray embed(Vlm3d model, int b, int[] ids, int objects, NDArray entry, NDManager scope) {
        VlmConfig config = model.config();
        int vocab = config.decoder().vocabSize();
        long[] words = new long[ids.length];
        long[] rowsOf = new long[ids.length];  // per token, its row in [tokens ++ entries]
        boolean pointed = false;
        for (int j = 0; j < ids.length; j++) {
            int id = ids[j];
            if (id < 0 || id >= vocab + objects) {
                throw new IllegalArgumentException("row " + b + ": token id " + id + " is outside the vocabulary 0.."
                        + (vocab - 1) + (objects > 0 ? " and the pointers " + vocab + ".." + (vocab + objects - 1)
                        + " of its " + objects + " objects" : ""));
            }
            words[j] = id < vocab ? id : 0;
            rowsOf[j] = id < vocab ? j : ids.length + (id - vocab);
            pointed |= id >= vocab;
        }
        int c = config.decoder().hiddenSize();
        NDArray tokens = model.decoder().embed(scope.create(words, new Shape(1, ids.length))).reshape(ids.length, c); // [T, C]
        if (pointed) {
            NDArray features = entry.toType(tokens.getDataType(), false);                    // [N, C]
            tokens = tokens.concat(features, 0).get(new NDIndex("{}", scope.create(rowsOf))); // [T, C]
        }
        return tokens;
    }

    /** Rows. */
    int rows() {
        return answerSizes.length;
    }

    /** L, the longest row. */
    int longest() {
        return keep[0].length;
    }

    /** A, the longest answer. */
    int answerWidth() {
        return Arrays.stream(answerSizes).max().orElseThrow();
    }

    /** [B, A] the position of row b's answer token j, so gathering there gives an answer-aligned view (0 past the answer). */
    NDArray answerPositions(NDManager scope) {
        int width = answerWidth();
        long[] at = new long[rows() * width];
        for (int b = 0; b < rows(); b++) {
            for (int j = 0; j < answerSizes[b]; j++) {
                at[b * width + j] = answerFrom[b] + j;
            }
        }
        return scope.create(at, new Shape(rows(), width));
    }

    /** [B, A] 1 at each row's answer tokens, 0 past them. */
    NDArray answerMask(NDManager scope) {
        int width = answerWidth();
        float[] in = new float[rows() * width];
        for (int b = 0; b < rows(); b++) {
            Arrays.fill(in, b * width, b * width + answerSizes[b], 1f);
        }
        return scope.create(in, new Shape(rows(), width));
    }
}
