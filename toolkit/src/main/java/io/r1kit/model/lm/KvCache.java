package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * The keys and values of the tokens seen so far, per layer, plus which of those tokens are
 * padding; what lets generation feed one new token per step instead of the whole sequence.
 *
 * <p>Keys and values are stored in the model's compute type (half the memory in float16); the mask
 * is float32, added to scores widened to float32.
 *
 * <p>The cached arrays live in the cache's own manager (closed with the cache), so a forward
 * pass may run in a short-lived manager per step and free all its intermediates. A cache made with a
 * capacity holds each layer's keys and values in one buffer of that many tokens, allocated at the first
 * step and written in place after it; without one (a single forward pass) the first step's arrays are
 * kept as they are, and a later step is joined to them by concatenation.
 *
 * <p>Legend: B batch, K key/value heads, S cached tokens, D head size.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;   // per layer [B, K, S, D]
    private final NDArray[] values; // per layer [B, K, S, D]
    private final int batch;
    private final int capacity;
    private boolean[][] keep = new boolean[0][];
    private final int[] realTokens;
    private int length;

    /** An empty cache for {@code layers} layers and {@code batch} rows, in a sub-manager of {@code parent}. */
    public KvCache(NDManager parent, int layers, int batch) {
        this(parent, layers, batch, 0);
    }

    /**
     * An empty cache that preallocates room for {@code capacity} tokens per row at its first step (0: none,
     * every step after the first concatenates); more tokens than that are refused.
     */
    public KvCache(NDManager parent, int layers, int batch, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.batch = batch;
        this.capacity = capacity;
        this.realTokens = new int[batch];
    }

    /** Tokens cached per row (padding included). */
    public int length() {
        return length;
    }

    /**
     * The element type the keys and values are held in (the model's compute type), or null while
     * nothing is cached.
     */
    public DataType dataType() {
        return keys.length == 0 || keys[0] == null ? null : keys[0].getDataType();
    }

    /** Rows of the batch. */
    public int batch() {
        return batch;
    }

    /**
     * Registers {@code newKeep[b][t]} (false = padding) for the next tokens and returns their
     * positions: the number of real tokens before each one in its row, so that left padding does
     * not shift positions.
     */
    int[][] advance(boolean[][] newKeep) {
        if (newKeep.length != batch) {
            throw new IllegalArgumentException("batch of " + newKeep.length + " rows, the cache holds " + batch);
        }
        int t = newKeep[0].length;
        if (capacity > 0 && length + t > capacity) {
            throw new IllegalArgumentException((length + t) + " tokens do not fit a cache of " + capacity);
        }
        int[][] positions = new int[batch][t];
        boolean[][] grown = new boolean[batch][];
        for (int b = 0; b < batch; b++) {
            grown[b] = Arrays.copyOf(length == 0 ? new boolean[0] : keep[b], length + t);
            for (int j = 0; j < t; j++) {
                positions[b][j] = newKeep[b][j] ? realTokens[b]++ : 0;
                grown[b][length + j] = newKeep[b][j];
            }
        }
        keep = grown;
        length += t;
        return positions;
    }

    /**
     * The additive attention mask [B, 1, T, S] for the last {@code t} tokens: 0 where a query may
     * look (a real key at or before it), a large negative number elsewhere (causal + padding);
     * [1, 1, T, S] (broadcast over the rows) when no row has padding; null when nothing is hidden.
     */
    NDArray mask(NDManager scope, int t) {
        boolean unpadded = allKept();
        if (t == 1 && unpadded) {
            return null; // one new token sees every cached token: nothing to mask
        }
        int rows = unpadded ? 1 : batch;   // without padding every row has the same causal mask
        float[] m = new float[rows * t * length];
        int past = length - t;
        for (int b = 0; b < rows; b++) {
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < length; j++) {
                    boolean visible = j <= past + i && keep[b][j];
                    // finite rather than -inf: a padding query that sees nothing gets a uniform row, not NaN
                    m[(b * t + i) * length + j] = visible ? 0f : -1e9f;
                }
            }
        }
        return scope.create(m, new Shape(rows, 1, t, length));
    }

    private boolean allKept() {
        for (boolean[] row : keep) {
            for (boolean k : row) {
                if (!k) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Appends this step's keys and values [B, K, T, D] of {@code layer}; returns all of them [B, K, S, D]:
     * the cache's own arrays, or views of its buffers owned by {@code scope}.
     */
    NDArray[] append(int layer, NDArray k, NDArray v, NDManager scope) {
        if (capacity == 0) {
            keys[layer] = grow(keys[layer], k);
            values[layer] = grow(values[layer], v);
            return new NDArray[] {keys[layer], values[layer]};
        }
        return new NDArray[] {write(keys, layer, k, scope), write(values, layer, v, scope)};
    }

    private NDArray grow(NDArray old, NDArray step) {
        if (old == null) {
            // Move the step's own array (duplicate() would cut it from the autograd graph).
            step.attach(manager);
            return step;
        }
        NDArray joined = old.concat(step, 2); // [B, K, S_old + T, D], in the cache's manager (first operand)
        old.close();
        return joined;
    }

    /** Writes {@code step [B, K, T, D]} at the end of the layer's buffer; a view of the filled part [B, K, S, D]. */
    private NDArray write(NDArray[] buffers, int layer, NDArray step, NDManager scope) {
        Shape s = step.getShape();
        if (buffers[layer] == null) {
            buffers[layer] = manager.zeros(new Shape(s.get(0), s.get(1), capacity, s.get(3)), step.getDataType());
        }
        int from = length - (int) s.get(2);
        buffers[layer].set(new NDIndex(":, :, {}:{}", from, length), step);
        NDArray filled = buffers[layer].get(new NDIndex(":, :, :{}", length)); // [B, K, S, D]
        filled.attach(scope);
        return filled;
    }

    /**
     * A cache of {@code rows.length} rows, row b a copy of this cache's row {@code rows[b]} (its keys, values,
     * padding and positions), with this cache's capacity, in a sub-manager of {@code parent}: rows that repeat
     * one prompt are fed once and copied (a GRPO group's G rows share one prefill). This cache is unchanged.
     */
    public KvCache rowsOf(NDManager parent, int[] rows) {
        KvCache out = new KvCache(parent, keys.length, rows.length, capacity);
        // the index lives as long as the copies: a backward pass through the gather reads it
        NDArray index = out.manager.create(Arrays.stream(rows).asLongStream().toArray());
        for (int l = 0; l < keys.length; l++) {
            if (keys[l] != null) {
                out.keys[l] = keys[l].get(new NDIndex("{}", index));          // [R, K, S or capacity, D]
                out.values[l] = values[l].get(new NDIndex("{}", index));
                out.keys[l].attach(out.manager);
                out.values[l].attach(out.manager);
            }
        }
        out.keep = new boolean[rows.length][];
        for (int b = 0; b < rows.length; b++) {
            out.keep[b] = length == 0 ? new boolean[0] : keep[rows[b]].clone();
            out.realTokens[b] = realTokens[rows[b]];
        }
        out.length = length;
        return out;
    }

    /** Whether this cache is preallocated and its buffers already hold a step (what {@link ScriptedDecode} writes into). */
    boolean preallocatedFilled() {
        return capacity > 0 && keys.length > 0 && keys[0] != null;
    }

    /** Each layer's preallocated key (or value) buffer [B, K, capacity, D]. */
    ai.djl.pytorch.engine.PtNDArray[] buffers(boolean ofKeys) {
        NDArray[] from = ofKeys ? keys : values;
        ai.djl.pytorch.engine.PtNDArray[] out = new ai.djl.pytorch.engine.PtNDArray[from.length];
        for (int i = 0; i < from.length; i++) {
            out[i] = (ai.djl.pytorch.engine.PtNDArray) from[i];
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
