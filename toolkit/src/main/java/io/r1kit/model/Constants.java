package io.r1kit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Products and quotients of an array and a constant that are safe to differentiate. DJL's
 * {@code NDArray.mul(Number)} and {@code div(Number)} wrap the number in an array over a Java buffer and close
 * that array as soon as the op returns, but autograd keeps it for the backward pass (the gradient of
 * {@code x c} is {@code c}); once the garbage collector frees the buffer, a later backward pass reads freed
 * memory and the gradients come out wrong, at random and more often the busier the collector. Here the constant
 * is an array the engine allocates and owns, so the autograd graph keeps it alive for as long as it needs it.
 * Every differentiable product or quotient by a number in the toolkit goes through this class.
 *
 * <pre>{@code
 * NDArray q = Constants.times(rotated, 1 / Math.sqrt(headDim));   // instead of rotated.mul(...)
 * NDArray p = Constants.over(logits, temperature);                // instead of logits.div(...)
 * }</pre>
 */
public final class Constants {

    private Constants() {}

    /** {@code x c}, in the manager and type of {@code x}. */
    public static NDArray times(NDArray x, double c) {
        try (NDArray k = constant(x, c)) {
            return x.mul(k);
        }
    }

    /** {@code x / c}, in the manager and type of {@code x}. */
    public static NDArray over(NDArray x, double c) {
        try (NDArray k = constant(x, c)) {
            return x.div(k);
        }
    }

    /**
     * A zero-dimensional array holding {@code c}, allocated by the engine (closing the handle leaves the storage to
     * whatever graph still holds it): float32, which a zero-dimensional operand does not impose on the result and
     * which the op reads at its working precision (float32 for float16 arrays, so {@code c} is not rounded to
     * float16 first), or the type of {@code x} when {@code x} is zero-dimensional too (so a float32 loss stays float32
     * and a float16 scalar float16).
     */
    private static NDArray constant(NDArray x, double c) {
        DataType type = x.getShape().dimension() == 0 ? x.getDataType() : DataType.FLOAT32;
        return x.getManager().full(new Shape(), (float) c, type);
    }
}
