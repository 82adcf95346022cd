package io.r1kit.train.grpo;

import ai.djl.ndarray.NDManager;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.train.Epochs;
import io.r1kit.train.GradientUpdate;
import io.r1kit.train.sft.SftLoss;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A supervised term beside the GRPO loss (InstructGPT's PPO-ptx): each step draws {@code sft_batch_size}
 * reference answers of the prompt rooms or the starting model's own ({@code sft_rooms}), of the recipe's tasks or
 * those {@code sft_tasks} names, in a seeded order (every one once per pass), and each update adds {@code sft_weight}
 * times their mean answer cross-entropy, plus the object-naming loss as the starting model's SFT recipe weighs it, to
 * the gradients of the GRPO loss before the one optimiser step. It holds the tasks GRPO does not reward strongly against the drift the shared weights carry to them.
 *
 * <pre>{@code
 * trainer.supervise(new SupervisedAnchor(sftData.examples(), sftRecipe.objectNameWeight(), vocabSize, config));
 * }</pre>
 */
public final class SupervisedAnchor {

    private final List<VlmExample> examples;
    private final double weight;
    private final double nameWeight;
    private final int vocabSize;
    private final int batchSize;
    private final int passSize;
    private final Epochs<VlmExample> order;
    private double lastLoss = Double.NaN;
    private float lastPriorNorm = Float.NaN;

    /**
     * @param examples   the reference answers, as SFT encodes them
     * @param nameWeight weight of the object-naming loss relative to the answer loss (the SFT recipe's)
     * @param vocabSize  the model's word vocabulary size (which words the naming loss counts)
     * @param config     the recipe: {@code sft_weight}, {@code sft_batch_size}, {@code per_device_train_batch_size}
     *                   (examples per pass) and the seed of the order
     */
    public SupervisedAnchor(List<VlmExample> examples, double nameWeight, int vocabSize, GrpoConfig config) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("the supervised anchor has no reference answers: the prompt rooms gave"
                    + " no SFT example of the recipe's tasks; set sft_weight to 0 or raise train_rooms");
        }
        if (!(config.sftWeight() > 0)) {
            throw new IllegalArgumentException("sft_weight is " + config.sftWeight() + ": an anchor needs a weight > 0");
        }
        this.examples = List.copyOf(examples);
        this.weight = config.sftWeight();
        this.nameWeight = nameWeight;
        this.vocabSize = vocabSize;
        this.batchSize = config.sftBatchSize();
        this.passSize = config.perDeviceTrainBatchSize() == 0 ? batchSize : config.perDeviceTrainBatchSize();
        this.order = new Epochs<>(config.seed() ^ 0x5f7L);
    }

    /** The next step's reference answers. */
    public List<VlmExample> next() {
        return order.next(examples, batchSize);
    }

    /** Draws and drops {@code steps} steps' answers: where a run resumed after that many steps continues. */
    public void skip(int steps) {
        for (int s = 0; s < steps; s++) {
            next();
        }
    }

    /**
     * Back-propagates {@code sft_weight} times {@code batch}'s supervised loss into the parameters' gradients, in
     * passes of at most {@code per_device_train_batch_size} examples (longest first) weighted by their share of the
     * batch's answer tokens and named objects, so the passes add up to the whole batch's gradient.
     *
     * @return the batch's mean answer cross-entropy, unweighted
     */
    public double backward(Vlm3d policy, List<VlmExample> batch, NDManager scope) {
        lastPriorNorm = GradientUpdate.norm(policy.parameters(), scope);   // what the GRPO loss left: tells which part broke
        List<VlmExample> sorted = new ArrayList<>(batch);
        sorted.sort(Comparator.comparingInt(VlmExample::positions).reversed());
        double answers = sorted.stream().mapToInt(e -> e.answer().length).sum();
        double named = sorted.stream().mapToInt(e -> e.namedWords(vocabSize)[0].length).sum();
        double loss = 0;
        for (int from = 0; from < sorted.size(); from += passSize) {
            List<VlmExample> part = sorted.subList(from, Math.min(sorted.size(), from + passSize));
            double share = part.size() == sorted.size() ? 1 : part.stream().mapToInt(e -> e.answer().length).sum() / answers;
            double nameShare = part.size() == sorted.size() || named == 0 ? 1
                    : part.stream().mapToInt(e -> e.namedWords(vocabSize)[0].length).sum() / named;
            loss += SftLoss.backward(policy, part, weight * share, weight * nameWeight * nameShare, scope) * share;
        }
        lastLoss = loss;
        return loss;
    }

    /** The last {@link #backward}'s loss and the gradient norm before it, as words for a stop message. */
    String lastPass() {
        return ", the gradient norm before the supervised anchor " + lastPriorNorm + ", the anchor's loss " + lastLoss;
    }

    /** Reference answers the anchor draws from. */
    public int size() {
        return examples.size();
    }
}
