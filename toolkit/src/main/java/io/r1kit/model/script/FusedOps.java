package io.r1kit.model.script;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import io.r1kit.model.Engines;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single ATen kernels behind one call each, through TorchScript modules written by {@link ScriptArchive}
 * (one per device, loaded on first use and kept for the life of the process). The differentiable ones
 * ({@link #siluMul}, {@link #rmsNorm}, {@link #attention}) record their backward in the caller's graph like any
 * NDArray op, and put their result in the manager of their first argument.
 *
 * <p>Why: each DJL op is a bridge crossing and a pass over memory, and DJL reaches neither {@code silu} nor
 * {@code rsqrt} nor a fused optimiser; {@code x sigmoid(x) u} takes three passes forward and five backward
 * where {@code silu(x) u} takes two and three, and AdamW over P parameters was about 9 P engine calls; the
 * attention's scores and weights, [B, H, T, S] each, are the largest arrays of a pass over long sequences.
 */
public final class FusedOps {

    private static final Map<Device, PtSymbolBlock> SILU_MUL = new ConcurrentHashMap<>();
    private static final Map<String, PtSymbolBlock> RMS_NORM = new ConcurrentHashMap<>();
    private static final Map<Device, PtSymbolBlock> OPTIMIZER = new ConcurrentHashMap<>();
    private static final Map<String, PtSymbolBlock> ATTENTION = new ConcurrentHashMap<>();

    private FusedOps() {}

    /**
     * Whether this thread records gradients (autograd's grad mode). Asked of the thread, not of an array: DJL's
     * {@code hasGradient()} is true only for arrays marked as parameters, never for the results computed from them.
     */
    public static boolean recording() {
        return JniUtils.isGradMode();
    }

    /**
     * Whether a pass over {@code x [..., T, C]} takes the fused kernels: when it holds more than one position per
     * row (a training, scoring or prompt pass), with or without gradients, so that the policy, its old copy and the
     * reference score the same tokens with the same arithmetic (the KL at equal weights is exactly 0); a
     * generation step of one token per row keeps the plain ops, cheaper than a call's fixed cost there.
     */
    public static boolean pays(NDArray x) {
        Shape shape = x.getShape();
        return shape.dimension() >= 2 && shape.get(shape.dimension() - 2) > 1;
    }

    /** {@code silu(gate) * up} (the SwiGLU activation), same shapes; differentiable. */
    public static NDArray siluMul(NDArray gate, NDArray up) {
        PtSymbolBlock m = SILU_MUL.computeIfAbsent(gate.getDevice(), d -> load(d, new ScriptArchive("SiluMul",
                "def forward(self, gate: Tensor, up: Tensor) -> Tensor:\n"
                        + "  return torch.mul(torch.silu(gate), up)\n")));
        return call(m, gate, up);
    }

    /**
     * Root-mean-square norm of the last axis as transformers' Qwen2RMSNorm computes it: in float32
     * {@code x rsqrt(mean(x^2) + eps)}, cast back to the type of {@code x}, then scaled by {@code weight};
     * differentiable.
     */
    public static NDArray rmsNorm(NDArray x, NDArray weight, float eps) {
        String literal = Double.toString(eps).toLowerCase(Locale.ROOT); // the float's exact value, as a double
        PtSymbolBlock m = RMS_NORM.computeIfAbsent(x.getDevice() + " " + literal, k -> load(x.getDevice(),
                new ScriptArchive("RmsNorm",
                        "def forward(self, x: Tensor, weight: Tensor) -> Tensor:\n"
                                + "  h = torch.to(x, 6)\n"                                       // 6: float32
                                + "  h = torch.mul(h, torch.rsqrt(torch.add(torch.mean(torch.pow(h, 2), [-1], True), "
                                + literal + ")))\n"
                                + "  return torch.mul(weight, torch.to(h, ops.prim.dtype(x)))\n")));
        return call(m, x, weight);
    }

    /**
     * Softmax attention in one kernel (PyTorch's {@code scaled_dot_product_attention}), which never holds the
     * [B, H, T, S] weights: memory grows with the length, not its square, and long sequences run faster. Queries come
     * scaled already (the product is not scaled again); query head {@code h} reads key/value head
     * {@code h / group}. Differentiable; float32.
     *
     * @param q    queries [B, H, T, D], already multiplied by 1 / sqrt(D)
     * @param k    keys [B, K, S, D] with H = K group
     * @param v    values [B, K, S, D]
     * @param mask additive float32 mask broadcast to [B, H, T, S], or null when every key is visible
     * @return [B, H, T, D]
     */
    public static NDArray attention(NDArray q, NDArray k, NDArray v, NDArray mask, int group) {
        String key = q.getDevice() + " " + group + " " + (mask != null);
        PtSymbolBlock m = ATTENTION.computeIfAbsent(key, x -> {
            String keys = group == 1 ? "k" : "torch.repeat_interleave(k, " + group + ", 1)";
            String values = group == 1 ? "v" : "torch.repeat_interleave(v, " + group + ", 1)";
            String args = "q: Tensor, k: Tensor, v: Tensor" + (mask != null ? ", mask: Tensor" : "");
            return load(q.getDevice(), new ScriptArchive("Attention",
                    "def forward(self, " + args + ") -> Tensor:\n"
                            + "  return torch.scaled_dot_product_attention(q, " + keys + ", " + values + ", "
                            + (mask != null ? "mask" : "None") + ", 0.0, False, scale=1.0)\n"));
        });
        return mask != null ? call(m, q, k, v, mask) : call(m, q, k, v);
    }

    /** The L2 norm of each tensor, as one float32 array [P] in the manager of the first; no gradient. */
    public static NDArray norms(List<NDArray> tensors) {
        PtSymbolBlock m = optimizer(tensors.get(0).getDevice());
        try (IValue list = IValue.listFrom(pt(tensors)); IValue out = IValueUtils.runMethod(m, "norms", list)) {
            return out.toTensor((PtNDManager) tensors.get(0).getManager());
        }
    }

    /**
     * PyTorch's fused AdamW kernel over every parameter at once ({@code torch.optim.AdamW(fused=True)}'s step),
     * and zeroes the gradients when asked. Weights and moments change in place, and so do the gradients: they
     * are divided by {@code gradDivisor} (a clipping factor's inverse) before the update.
     *
     * @param step the step count t from 1 (a float32 scalar), which sets the bias corrections
     * @param zeroGrads whether the gradients are zeroed after the update
     */
    public static void adamW(List<NDArray> weights, List<NDArray> grads, List<NDArray> firstMoments,
                             List<NDArray> secondMoments, NDArray step, double learningRate, double beta1,
                             double beta2, double weightDecay, double epsilon, NDArray gradDivisor,
                             boolean zeroGrads) {
        int n = weights.size();
        if (grads.size() != n || firstMoments.size() != n || secondMoments.size() != n) {
            throw new IllegalArgumentException("adamW needs one gradient and two moments per weight");
        }
        PtNDArray[] steps = new PtNDArray[n];
        Arrays.fill(steps, (PtNDArray) step);
        PtSymbolBlock m = optimizer(weights.get(0).getDevice());
        try (IValue w = IValue.listFrom(pt(weights)); IValue g = IValue.listFrom(pt(grads));
             IValue m1 = IValue.listFrom(pt(firstMoments)); IValue m2 = IValue.listFrom(pt(secondMoments));
             IValue s = IValue.listFrom(steps); IValue lr = IValue.from(learningRate); IValue b1 = IValue.from(beta1);
             IValue b2 = IValue.from(beta2); IValue wd = IValue.from(weightDecay); IValue eps = IValue.from(epsilon);
             IValue scale = IValue.from((PtNDArray) gradDivisor); IValue zero = IValue.from(zeroGrads);
             IValue out = IValueUtils.runMethod(m, "adamw", w, g, m1, m2, s, lr, b1, b2, wd, eps, scale, zero)) {
            // nothing returned: the kernel worked in place
        }
    }

    private static PtSymbolBlock optimizer(Device device) {
        return OPTIMIZER.computeIfAbsent(device, d -> load(d, new ScriptArchive("Optimizer",
                "def norms(self, tensors: List[Tensor]) -> Tensor:\n"
                        + "  return torch.stack(torch._foreach_norm(tensors, 2.))\n"
                        + "def adamw(self, w: List[Tensor], g: List[Tensor], m: List[Tensor], v: List[Tensor],"
                        + " s: List[Tensor], lr: float, beta1: float, beta2: float, wd: float, eps: float,"
                        + " divisor: Tensor, zero: bool) -> None:\n"
                        + "  torch._fused_adamw_(w, g, m, v, annotate(List[Tensor], []), s, lr=lr, beta1=beta1,"
                        + " beta2=beta2, weight_decay=wd, eps=eps, amsgrad=False, maximize=False, grad_scale=divisor)\n"
                        + "  if zero:\n"
                        + "    torch._foreach_zero_(g)\n")));
    }

    private static PtSymbolBlock load(Device device, ScriptArchive archive) {
        NDManager manager = Engines.pytorch().newBaseManager(device); // held for the module's life: the process
        return archive.load(manager);
    }

    /** Runs {@code forward} with gradients recorded when the caller's thread records them. */
    private static NDArray call(PtSymbolBlock module, NDArray... inputs) {
        IValue[] in = new IValue[inputs.length];
        try {
            for (int i = 0; i < in.length; i++) {
                in[i] = IValue.from((PtNDArray) inputs[i]);
            }
            try (IValue out = ModuleCall.forward(module, in)) {
                return out.toTensor((PtNDManager) inputs[0].getManager());
            }
        } finally {
            for (IValue v : in) {
                if (v != null) {
                    v.close();
                }
            }
        }
    }

    private static PtNDArray[] pt(List<NDArray> arrays) {
        PtNDArray[] out = new PtNDArray[arrays.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (PtNDArray) arrays.get(i);
        }
        return out;
    }
}
