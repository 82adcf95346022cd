package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.Dropout;
import io.r1kit.model.Constants;

/**
 * The low-rank update of one projection: {@code x -> scale * dropout(x) A^T B^T}, held as
 * {@code aT} [in, r] and {@code bT} [r, out] so the activation is the first operand.
 *
 * <p>Shapes: {@code x [..., in] -> [..., out]}.
 */
public final class LoraAdapter {

    private final NDArray aT;
    private final NDArray bT;
    private final float scale;
    private final float dropout;
    private boolean training;

    LoraAdapter(NDArray aT, NDArray bT, double scale, double dropout) {
        this.aT = aT;
        this.bT = bT;
        this.scale = (float) scale;
        this.dropout = (float) dropout;
    }

    NDArray forward(NDArray x) {
        NDArray in = training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
        return Constants.times(in.matMul(aT).matMul(bT), scale); // [..., in] -> [..., r] -> [..., out]
    }

    /** Dropout is applied only while training. */
    void setTraining(boolean training) {
        this.training = training;
    }

    /** A^T [in, r] (a parameter). */
    public NDArray aT() {
        return aT;
    }

    /** B^T [r, out] (a parameter). */
    public NDArray bT() {
        return bT;
    }

    /** The update as one matrix in the weight's layout: {@code scale * A^T B^T} [in, out], in A's manager. */
    NDArray delta() {
        return Constants.times(aT.matMul(bT), scale);
    }
}
