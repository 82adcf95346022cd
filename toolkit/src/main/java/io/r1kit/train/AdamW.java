package io.r1kit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.io.FloatTensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter; PyTorch's {@code torch.optim.AdamW} update) whose state can be saved and
 * restored, so that a resumed run continues exactly: per parameter the first and second moment estimates
 * and one step count. {@code m = β1 m + (1-β1) g}, {@code v = β2 v + (1-β2) g²},
 * {@code w = w - lr·wd·w - lr·(m/(1-β1^t)) / (sqrt(v/(1-β2^t)) + ε)}.
 *
 * <pre>{@code
 * AdamW opt = new AdamW(1e-5, 0.0);
 * opt.update("layer.weight", weight, gradient);      // once per parameter per step, then step()
 * Map<String, FloatTensor> saved = opt.state();      // AdamW.restore(saved, ...) continues from here
 * }</pre>
 */
public final class AdamW {

    /** PyTorch's defaults. */
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;
    /** The state key holding the step count (a one-element tensor). */
    static final String STEP = "__step__";

    private final double learningRate;
    private final double weightDecay;
    private final NDManager manager;
    private final Map<String, NDArray> first = new LinkedHashMap<>();
    private final Map<String, NDArray> second = new LinkedHashMap<>();
    private long step;

    /** Moments live in {@code manager} (the model's, so they sit on its device). */
    public AdamW(double learningRate, double weightDecay, NDManager manager) {
        if (!(learningRate > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("AdamW needs learning rate > 0 and weight decay >= 0, got " + learningRate
                    + ", " + weightDecay);
        }
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.manager = manager;
    }

    /** Updates one parameter in place from its gradient at the current step (counted from 1 by {@link #step()}). */
    public void update(String name, NDArray weight, NDArray gradient) {
        update(name, weight, gradient, 1f);
    }

    /**
     * Updates one parameter in place from {@code scale} times its gradient (a clipping factor), then zeroes
     * the gradient the parameter holds, if any. One fused engine call: PyTorch's step rewritten as
     * {@code w -= (lr sqrt(c2) / c1) m / (sqrt(v) + ε sqrt(c2))}, which equals
     * {@code lr (m / c1) / (sqrt(v / c2) + ε)} with the bias corrections {@code c1 = 1-β1^t, c2 = 1-β2^t}.
     */
    public void update(String name, NDArray weight, NDArray gradient, float scale) {
        long t = step + 1;
        NDArray m = first.computeIfAbsent(name, k -> manager.zeros(weight.getShape(), weight.getDataType()));
        NDArray v = second.computeIfAbsent(name, k -> manager.zeros(weight.getShape(), weight.getDataType()));
        double c1 = 1 - Math.pow(BETA1, t);
        double root = Math.sqrt(1 - Math.pow(BETA2, t));
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, gradient, m, v), new NDList(weight),
                (float) learningRate, (float) (learningRate * root / c1), (float) weightDecay, scale, -1f,
                (float) BETA1, (float) BETA2, (float) (EPSILON * root), false, true);
    }

    /** Ends a step: the next updates use the next bias correction. */
    public void step() {
        step++;
    }

    /** Steps made. */
    public long steps() {
        return step;
    }

    /** The moments ({@code NAME.exp_avg}, {@code NAME.exp_avg_sq}) and the step count, as tensors to save. */
    public Map<String, FloatTensor> state() {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        first.forEach((k, a) -> out.put(k + ".exp_avg", new FloatTensor(a.getShape().getShape(), a.toFloatArray())));
        second.forEach((k, a) -> out.put(k + ".exp_avg_sq", new FloatTensor(a.getShape().getShape(), a.toFloatArray())));
        out.put(STEP, new FloatTensor(new long[] {1}, new float[] {step}));
        return out;
    }

    /**
     * Restores {@link #state()}: every moment must name a parameter of {@code parameters} with its shape.
     *
     * @throws IllegalArgumentException naming the first tensor that does not fit
     */
    public void restore(Map<String, FloatTensor> state, Map<String, NDArray> parameters) {
        FloatTensor s = state.get(STEP);
        if (s == null || s.data().length != 1 || s.data()[0] < 0 || s.data()[0] != Math.rint(s.data()[0])) {
            throw new IllegalArgumentException("optimizer state has no valid step count");
        }
        first.clear();
        second.clear();
        for (Map.Entry<String, FloatTensor> e : state.entrySet()) {
            if (e.getKey().equals(STEP)) {
                continue;
            }
            boolean avg = e.getKey().endsWith(".exp_avg");
            boolean sq = e.getKey().endsWith(".exp_avg_sq");
            String name = e.getKey().substring(0, e.getKey().length() - (avg ? 8 : sq ? 11 : 0));
            NDArray p = parameters.get(name);
            if (!(avg || sq) || p == null || !p.getShape().equals(new Shape(e.getValue().shape()))) {
                throw new IllegalArgumentException("optimizer state tensor " + e.getKey() + " fits no parameter of the model");
            }
            NDArray a = manager.create(e.getValue().data(), new Shape(e.getValue().shape()));
            (avg ? first : second).put(name, a);
        }
        step = (long) s.data()[0];
    }
}
