package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The floating-point type a {@link Qwen2Model}'s weights, activations and KV cache are held in.
 * Weights are always read (and half-precision files widened) to float32 in Java, then cast on the
 * engine; the numerically delicate steps stay in float32 whatever the choice, as in Hugging Face's
 * Qwen2: the RMSNorm variance, the attention softmax, and the logits handed back.
 *
 * <p>What runs where, on DJL 0.36's PyTorch bridge:
 * <ul>
 *   <li>{@link #FLOAT32} everywhere: the reference path.</li>
 *   <li>{@link #FLOAT16} on CPU and GPU: every op the decoder uses was checked on the CPU build.</li>
 *   <li>{@link #BFLOAT16} nowhere: the bridge maps element types by a fixed table without bfloat16,
 *       and any array of that type (even {@code zeros} or a cast) ends the JVM with an uncatchable
 *       native abort. {@link #requireSupported} refuses it before the engine is called.</li>
 *   <li>{@link #AUTO}: float32 on CPU (half precision is slower there and buys nothing), float16 on a
 *       GPU (the half type this bridge can create).</li>
 * </ul>
 *
 * <pre>{@code
 * ComputeDtype d = ComputeDtype.parse("auto").resolve(Device.cpu());   // FLOAT32
 * Qwen2Model m = Qwen2Checkpoint.load(dir, Device.gpu(), ComputeDtype.FLOAT16);
 * }</pre>
 */
public enum ComputeDtype {
    /** IEEE single precision: 24-bit significand, the reference. */
    FLOAT32("float32", DataType.FLOAT32),
    /** IEEE half precision: 11-bit significand (about 3 decimal digits), range +-65504. */
    FLOAT16("float16", DataType.FLOAT16),
    /** Brain float: 8-bit significand (2 to 3 decimal digits), float32's range. */
    BFLOAT16("bfloat16", DataType.BFLOAT16),
    /** Chosen from the device by {@link #resolve}. */
    AUTO("auto", null);

    private final String label;
    private final DataType dataType;

    ComputeDtype(String label, DataType dataType) {
        this.label = label;
        this.dataType = dataType;
    }

    /** The lower-case name used on the command line and in JSON, e.g. {@code bfloat16}. */
    public String label() {
        return label;
    }

    /**
     * The DJL element type.
     *
     * @throws IllegalStateException for {@link #AUTO}, which has none until {@link #resolve resolved}
     */
    public DataType dataType() {
        if (dataType == null) {
            throw new IllegalStateException("auto has no element type: resolve it for a device first");
        }
        return dataType;
    }

    /** Whether this is float32 (so no cast is ever made). */
    public boolean isFloat32() {
        return this == FLOAT32;
    }

    /**
     * The concrete type for {@code device}: {@link #AUTO} becomes float32 on CPU and float16 on a GPU,
     * the others stay as they are; then checked with {@link #requireSupported}.
     */
    public ComputeDtype resolve(Device device) {
        ComputeDtype d = this != AUTO ? this : device.isGpu() ? FLOAT16 : FLOAT32;
        d.requireSupported(device);
        return d;
    }

    /**
     * Refuses, with one line naming the type and the device, a type the engine cannot run; called
     * before any array of that type is made, because the failure it prevents cannot be caught.
     *
     * @throws IllegalArgumentException for {@link #BFLOAT16} (any device) and {@link #AUTO}
     */
    public void requireSupported(Device device) {
        if (this == BFLOAT16) {
            throw new IllegalArgumentException("bfloat16 cannot run on " + device + ": DJL 0.36's PyTorch bridge has"
                    + " no bfloat16 element type (making one aborts the JVM); use float16 or float32");
        }
        if (this == AUTO) {
            throw new IllegalArgumentException("auto is not a compute type: resolve it for " + device + " first");
        }
    }

    /** The type named {@code text} (a {@link #label()}, any case). */
    public static ComputeDtype parse(String text) {
        for (ComputeDtype d : values()) {
            if (d.label.equalsIgnoreCase(text.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown compute dtype '" + text + "': use one of "
                + Arrays.stream(values()).map(ComputeDtype::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
