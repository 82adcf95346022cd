package io.r1kit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.script.FusedOps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * AdamW (Loshchilov and Hutter; PyTorch's {@code torch.optim.AdamW} update) whose state can be saved and
 * restored, so that a resumed run continues exactly: per parameter the first and second moment estimates
 * and one step count. {@code m = β1 m + (1-β1) g}, {@code v = β2 v + (1-β2) g²},
 * {@code w = w - lr·wd·w - lr·(m/(1-β1^t)) / (sqrt(v/(1-β2^t)) + ε)}.
 *
 * <pre>{@code
 * AdamW opt = new AdamW(1e-5, 0.0, model.newScope());
 * opt.updateAll(names, weights, gradients, 1f);       // every parameter at once, then step()
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

    private final IntToDoubleFunction learningRate; // of update t, counted from 1
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
        this.learningRate = t -> learningRate;
        this.weightDecay = weightDecay;
        this.manager = manager;
    }

    /**
     * A learning rate per update ({@code learningRate.applyAsDouble(t)} for update t, counted from 1, e.g. a
     * warm-up and cosine schedule); it must be finite and not negative at every update made (0, where a
     * schedule decays to nothing, leaves the weights as they are and still counts the update).
     */
    public AdamW(IntToDoubleFunction learningRate, double weightDecay, NDManager manager) {
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("AdamW needs weight decay >= 0, got " + weightDecay);
        }
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.manager = manager;
    }

    /**
     * Updates one parameter in place from {@code gradient} at the current step (counted from 1 by
     * {@link #step()}); the gradient is left as it is. {@link #updateAll} for one parameter.
     */
    public void update(String name, NDArray weight, NDArray gradient) {
        try (NDManager call = manager.newSubManager()) {
            fusedStep(List.of(name), List.of(weight), List.of(gradient), 1f, false, call);
        }
    }

    /**
     * Updates every parameter in place from {@code scale} times its gradient and zeroes the gradients: one
     * call of PyTorch's fused AdamW kernel ({@link FusedOps#adamW}) at the current step, which the caller
     * ends with {@link #step()}.
     *
     * @param names     the parameters' names, which key the moments
     * @param gradients one per weight, in the same order; zeroed after the update
     */
    public void updateAll(List<String> names, List<NDArray> weights, List<NDArray> gradients, float scale) {
        try (NDManager call = manager.newSubManager()) {
            fusedStep(names, weights, gradients, scale, true, call);
        }
    }

    private void fusedStep(List<String> names, List<NDArray> weights, List<NDArray> gradients, float scale,
                           boolean zeroGrads, NDManager call) {
        List<NDArray> m = new ArrayList<>(names.size());
        List<NDArray> v = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            NDArray weight = weights.get(i);
            m.add(first.computeIfAbsent(names.get(i), k -> manager.zeros(weight.getShape(), weight.getDataType())));
            v.add(second.computeIfAbsent(names.get(i), k -> manager.zeros(weight.getShape(), weight.getDataType())));
        }
        int t = (int) (step + 1);
        double rate = learningRate.applyAsDouble(t);
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalStateException("AdamW's learning rate at update " + t + " is " + rate + "; it must be >= 0");
        }
        FusedOps.adamW(weights, gradients, m, v, call.create((float) t), rate, BETA1, BETA2, weightDecay, EPSILON,
                call.create(1f / scale), zeroGrads);
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
