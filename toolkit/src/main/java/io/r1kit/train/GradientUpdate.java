package io.r1kit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.r1kit.model.Engines;
import io.r1kit.model.script.FusedOps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One optimiser update from the gradients a {@code GradientCollector} left on a model's parameters:
 * the global L2 norm is taken, gradients longer than {@code maxGradNorm} are scaled down to it (the
 * direction is kept), the optimiser updates every parameter, and the gradients are zeroed (DJL's
 * collector adds to the previous step's otherwise). SFT ({@code train.sft.SftTrainer}) and GRPO ({@code train.grpo.GrpoTrainer}) share it.
 *
 * <pre>{@code
 * try (GradientCollector c = Engines.pytorch().newGradientCollector()) { c.backward(loss); }
 * float norm = GradientUpdate.apply(model.parameters(), optimizer, 1f, scope);
 * }</pre>
 */
public final class GradientUpdate {

    private GradientUpdate() {}

    /** Thrown when the gradients hold NaN or infinity: no parameter was changed, the gradients are zeroed. */
    public static final class NonFiniteGradient extends IllegalStateException {
        /** @param where the parameters whose gradients are not finite (a few are named) */
        public NonFiniteGradient(float norm, List<String> where) {
            super("the gradient norm is " + norm + " (a NaN or infinite loss or weight); no update was made"
                    + (where.isEmpty() ? "" : "; not finite in " + where.size() + " parameter" + (where.size() == 1 ? "" : "s")
                    + ": " + String.join(", ", where.subList(0, Math.min(4, where.size())))
                    + (where.size() > 4 ? ", ..." : "")));
        }
    }

    /**
     * Clips, updates and zeroes; returns the global gradient norm before clipping. The update is the
     * toolkit's {@link AdamW}, whose step it ends: the clipping factor, the update and the zeroing of every
     * parameter are one fused kernel call.
     *
     * @param scope the step's manager: the gradient handles are attached to it and freed with it
     * @throws NonFiniteGradient when the norm is NaN or infinite, before any parameter changes
     */
    public static float apply(Map<String, NDArray> parameters, AdamW optimizer, float maxGradNorm, NDManager scope) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("no parameters to update");
        }
        Map<String, NDArray> grads = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray g = e.getValue().getGradient();
            g.attach(scope); // the handle, not the parameter's gradient storage, is freed with the step
            grads.put(e.getKey(), g);
        }
        NDArray each = FusedOps.norms(new ArrayList<>(grads.values())); // [P] one L2 norm per parameter
        float norm = each.norm().getFloat();                              // sqrt of the sum of their squares
        if (!Float.isFinite(norm)) {
            float[] per = each.toFloatArray();
            List<String> names = new ArrayList<>(grads.keySet());
            List<String> where = new ArrayList<>();
            for (int i = 0; i < per.length; i++) {
                if (!Float.isFinite(per[i])) {
                    where.add(names.get(i));
                }
            }
            grads.values().forEach(g -> g.set(new NDIndex("..."), 0f));   // 0 × NaN is NaN: overwrite instead
            throw new NonFiniteGradient(norm, where);
        }
        float scale = norm > maxGradNorm ? maxGradNorm / (norm + 1e-6f) : 1f;
        Engines.withoutGradients(() -> optimizer.updateAll(new ArrayList<>(grads.keySet()),  // in place, on any thread
                grads.keySet().stream().map(parameters::get).toList(), new ArrayList<>(grads.values()), scale));
        optimizer.step();
        return norm;
    }

    /** The global L2 norm of the gradients {@code parameters} hold now, changing nothing (NaN when one is not finite). */
    public static float norm(Map<String, NDArray> parameters, NDManager scope) {
        List<NDArray> grads = new ArrayList<>(parameters.size());
        for (NDArray p : parameters.values()) {
            NDArray g = p.getGradient();
            g.attach(scope);
            grads.add(g);
        }
        return FusedOps.norms(grads).norm().getFloat();
    }

    /** Zeroes the gradients of {@code parameters} without updating them (after a backward pass only measured). */
    public static void zero(Map<String, NDArray> parameters, NDManager scope) {
        for (NDArray p : parameters.values()) {
            NDArray g = p.getGradient();
            g.attach(scope);
            g.muli(0f);
        }
    }
}
