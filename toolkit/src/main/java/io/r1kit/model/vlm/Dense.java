package io.r1kit.model.vlm;

import ai.djl.ndarray.NDArray;

/**
 * A dense layer {@code y = x W + b} of the scene encoder, over two named parameters. As in the
 * decoder's projections the weight is held [in, out] and the activation is the first operand, so
 * results land in the caller's scoped manager (DJL puts a result in its first operand's manager).
 *
 * <p>Shapes: {@code x [..., in] -> [..., out]}.
 */
record Dense(String name, NDArray weight, NDArray bias) {

    NDArray forward(NDArray x) {
        return x.matMul(weight).add(bias); // [..., out]
    }

    /** Name of the weight tensor in a checkpoint. */
    String weightName() {
        return name + ".weight";
    }

    /** Name of the bias tensor in a checkpoint. */
    String biasName() {
        return name + ".bias";
    }
}
