package io.r1kit.model.vlm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.Constants;
import io.r1kit.model.Engines;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.Generator;
import io.r1kit.model.generate.LogitsRule;
import io.r1kit.model.generate.TokenDecoder;
import io.r1kit.model.generate.TokenListener;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Model;
import io.r1kit.scene.Scene;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nano 3D vision-language model: an {@link ObjectEncoder} whose scene tokens are spliced before
 * the prompt of a Qwen2 decoder (3D-R1 §3: scene tokens + text -> decoder; DESIGN "Model sketch").
 *
 * <pre>{@code
 * try (Vlm3d model = Vlm3d.initialize(config, Device.cpu())) {
 *     Generation g = model.generate(scene, promptIds, GenerationConfig.builder().maxNewTokens(8).build(), null);
 *     model.save(Path.of("nano"));
 * }
 * }</pre>
 *
 * <p>Legend: B batch, S scene tokens of a row, T prompt + answer tokens of a row, L longest row
 * (S + T), A longest answer, C width, V vocabulary, N encoded objects (pointer tokens) of a row.
 */
public final class Vlm3d implements AutoCloseable {

    private final VlmConfig config;
    private final Qwen2Model decoder;
    private final ObjectEncoder encoder;
    private final NDManager encoderManager;

    Vlm3d(VlmConfig config, Qwen2Model decoder, ObjectEncoder encoder, NDManager encoderManager) {
        this.config = config;
        this.decoder = decoder;
        this.encoder = encoder;
        this.encoderManager = encoderManager;
    }

    /** A randomly initialised model on {@code device}: decoder seeded by the config's seed, encoder by seed + 1. */
    public static Vlm3d initialize(VlmConfig config, Device device) {
        Qwen2Model decoder = Qwen2Checkpoint.initialize(config.decoder(), config.seed(), device);
        NDManager manager = newManager(device);
        return new Vlm3d(config, decoder, ObjectEncoder.initialize(config, config.seed() + 1, manager), manager);
    }

    static NDManager newManager(Device device) {
        return NDManager.newBaseManager(device, Engines.pytorch().getEngineName());
    }

    /** Loads a directory written by {@link #save} on the default device; see {@link VlmCheckpoint#load}. */
    public static Vlm3d load(java.nio.file.Path dir) throws java.io.IOException {
        return VlmCheckpoint.load(dir, Engines.defaultDevice());
    }

    /** Writes the model as a Hugging Face style directory; see {@link VlmCheckpoint#save}. */
    public List<java.nio.file.Path> save(java.nio.file.Path dir) throws java.io.IOException {
        return VlmCheckpoint.save(this, dir);
    }

    public VlmConfig config() {
        return config;
    }

    /** The language decoder. */
    public Qwen2Model decoder() {
        return decoder;
    }

    /** The scene encoder. */
    public ObjectEncoder encoder() {
        return encoder;
    }

    /** A manager for one call's arrays, on the model's device. */
    public NDManager newScope() {
        return decoder.newScope();
    }

    /** Every parameter: the decoder's (Hugging Face names) then the encoder's ({@code scene_encoder.*}). */
    public Map<String, NDArray> parameters() {
        Map<String, NDArray> all = new LinkedHashMap<>(decoder.parameters());
        all.putAll(encoder.parameters());
        return Collections.unmodifiableMap(all);
    }

    /** The number of scalar parameters (tied embeddings counted once). */
    public long parameterCount() {
        return parameters().values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /** Switches gradient collection on or off for every parameter. */
    public void setTrainable(boolean trainable) {
        parameters().values().forEach(p -> p.setRequiresGradient(trainable));
    }

    /** The features of a scene (its objects, or proposals when it has none). */
    public SceneFeatures features(Scene scene) {
        return SceneFeatures.extract(scene, config);
    }

    /** The scene tokens {@code [S, C]} of one scene, in {@code scope}. */
    public NDArray sceneTokens(SceneFeatures features, NDManager scope) {
        return encoder.encode(features, decoder, scope);
    }

    /** {@link #forward(List, NDManager)} over scenes whose features are extracted here. */
    public VlmOutput forward(List<Scene> scenes, List<int[]> prompts, List<int[]> answers, NDManager scope) {
        if (scenes.size() != prompts.size() || scenes.size() != answers.size()) {
            throw new IllegalArgumentException(scenes.size() + " scenes, " + prompts.size() + " prompts and "
                    + answers.size() + " answers: give one of each per row");
        }
        List<VlmExample> batch = new ArrayList<>();
        for (int b = 0; b < scenes.size(); b++) {
            batch.add(VlmExample.of(scenes.get(b), config, prompts.get(b), answers.get(b)));
        }
        return forward(batch, scope);
    }

    /**
     * The pointer entries {@code [N, C]} of a scene's tokens {@code [S, C]}: the feature token of each
     * encoded object (rows 1, 8, 15, ...), or null when the config has no pointers or the scene no objects.
     * Pointer id {@code V + i} is scored with {@code hidden · entry_i} and fed back as {@code entry_i}.
     */
    public NDArray pointerEntries(NDArray sceneTokens) {
        long s = sceneTokens.getShape().get(0);
        if (!config.objectPointers() || s <= 1) {
            return null;
        }
        return sceneTokens.get(new NDIndex("1::" + ObjectEncoder.TOKENS_PER_OBJECT));        // [N, C]
    }

    /**
     * Teacher-forced pass over a batch: each row is its scene tokens, prompt and answer, right-padded
     * to the longest row (padding is masked out of attention). The output holds the log-probability of
     * every answer token under the model {@code [B, A]} with its mask, carrying the gradient when run under
     * a {@code GradientCollector}; the SFT loss is their masked mean negated (answer tokens only, so the
     * model is never trained to predict the scene or the prompt), and GRPO weights them per completion.
     *
     * <p>With {@link VlmConfig#objectPointers()} a token id {@code V + i} is object i of the row: its
     * embedding is the object's feature token and its logit {@code hidden · feature_i}, appended after the
     * V word logits (columns past a row's objects are -inf), so the softmax runs over V + N choices
     * ({@link PointerText} turns such ids back into the object's six grid numbers).
     */
    public VlmOutput forward(List<VlmExample> batch, NDManager scope) {
        return forward(batch, scope, 1.0, false);
    }

    /**
     * {@link #forward(List, NDManager)} with the logits divided by {@code temperature} before the softmax, so
     * the log-probabilities are those of the distribution a sampler at that temperature draws from (GRPO's
     * ratio and KL, as TRL takes them); with {@code entropy} the output also holds each answer position's
     * entropy of that distribution, detached.
     */
    public VlmOutput forward(List<VlmExample> batch, NDManager scope, double temperature, boolean entropy) {
        return forward(batch, scope, temperature, entropy, null);
    }

    /**
     * {@link #forward(List, NDManager, double, boolean)} with the answer tokens' log-probabilities taken under
     * {@code rule} (null for none) on the rows it marks: those of the distribution a sampler draws from when the
     * rule edits its scores, as {@link RuledLogProbs} replays it. The entropies stay the model's own.
     */
    public VlmOutput forward(List<VlmExample> batch, NDManager scope, double temperature, boolean entropy,
                             LogitsRule rule) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        VlmBatch packed = VlmBatch.pack(this, batch, scope);
        int rows = packed.rows();
        int longest = packed.longest();
        NDArray hidden = decoder.hidden(packed.embeddings(), packed.keep(), null);           // [B, L, C]
        NDArray logits = decoder.logits(hidden);                                             // [B, L, V]
        if (packed.widestObjects() > 0) {
            logits = logits.concat(ObjectHeads.pointerLogits(hidden, packed.entries(), packed.widestObjects(),
                    config.decoder().hiddenSize(), scope), 2);                               // [B, L, V + N]
        }
        NDArray logProbs = (temperature == 1.0 ? logits : Constants.over(logits, temperature)).logSoftmax(-1); // [B, L, V(+N)]
        // gather, not a one-hot product: masked pointer columns hold -inf and 0 * -inf is NaN
        NDArray picked = logProbs.gather(scope.create(packed.targets(), new Shape(rows, longest, 1)), 2)
                .reshape(rows, longest);                                                     // [B, L]
        // answer-aligned view of the same log-probs: row b's answer token j sits at column j, so GRPO
        // (3D-R1 Sec. 3.2) can weight each completion token while the gradient still reaches every parameter
        NDArray tokenLogProbs = picked.gather(packed.answerPositions(scope), 1);             // [B, A]
        if (rule != null) {
            tokenLogProbs = RuledLogProbs.apply(tokenLogProbs, logProbs, batch, packed.answerFrom(), config, rule, scope);
        }
        NDArray mask = packed.answerMask(scope);                                             // [B, A]
        tokenLogProbs = tokenLogProbs.mul(mask);   // 0 past the answer: what sits there is no answer's log-prob
        NDArray loss = VlmOutput.crossEntropy(tokenLogProbs, mask);                          // scalar
        NDArray entropies = null;
        if (entropy) {
            NDArray lp = logProbs.stopGradient();
            // -inf columns (pointers past a row's objects) have p = 0: clamp so 0 * log p is 0, not NaN
            entropies = lp.exp().mul(lp.maximum(-1e30f)).sum(new int[] {2}).neg()
                    .gather(packed.answerPositions(scope), 1);                               // [B, A]
        }
        return new VlmOutput(logits, loss, packed.answerFrom(), packed.answerSizes(), tokenLogProbs, mask,
                ObjectHeads.objectNameLoss(decoder, batch, packed.prefixes(), scope), entropies);
    }

    /**
     * Generated ids as a tokenizer reads them: with {@link VlmConfig#objectPointers()} each pointer becomes
     * its object's six grid numbers ({@link PointerText#expand}); a model without pointers never makes one.
     */
    public int[] readable(int[] ids, SceneFeatures features) {
        return config.objectPointers() ? PointerText.of(config).expand(ids, features) : ids;
    }

    /** {@link #generate(SceneFeatures, int[], GenerationConfig, TokenDecoder)} after extracting the scene's features. */
    public Generation generate(Scene scene, int[] prompt, GenerationConfig generation, TokenDecoder tokens) {
        return generate(features(scene), prompt, generation, tokens);
    }

    /** One answer to {@code prompt} about a scene; see {@link #generate(List, List, GenerationConfig, TokenDecoder)}. */
    public Generation generate(SceneFeatures features, int[] prompt, GenerationConfig generation, TokenDecoder tokens) {
        return generate(List.of(features), List.of(prompt), generation, tokens).get(0);
    }

    /**
     * Decodes a batch: row i answers {@code prompts.get(i)} about {@code scenes.get(i)}. The scene tokens are
     * each row's prefix embeddings in the {@link Generator} (KV cache, stops, sampling as configured); rows
     * given the same {@code SceneFeatures} instance share one encoding of it (a GRPO group of G rows encodes
     * its scene once). Trainer, evaluation and asking all decode here.
     *
     * <p>With {@link VlmConfig#objectPointers()} the scene's objects are pointer entries too, so the tokens
     * may hold ids {@code V + i}; {@link #readable} turns the returned ids into what a tokenizer reads. Stop
     * strings and {@link Generation#text()} see a pointer as its object's box ({@link PointerText#of}), which
     * needs one scene per batch.
     *
     * @param tokens turns ids into text for stop strings and {@link Generation#text()}; may be null
     * @throws IllegalArgumentException when the lists differ in length, or {@code tokens} is given for a
     *                                  batch over several scenes with pointers
     */
    public List<Generation> generate(List<SceneFeatures> scenes, List<int[]> prompts, GenerationConfig generation,
                                     TokenDecoder tokens) {
        return generate(scenes, prompts, generation, tokens, null);
    }

    /**
     * {@link #generate(List, List, GenerationConfig, TokenDecoder)}, telling {@code listener} (may be null) each
     * token as it is chosen (pointer ids included), for progress or streaming.
     */
    public List<Generation> generate(List<SceneFeatures> scenes, List<int[]> prompts, GenerationConfig generation,
                                     TokenDecoder tokens, TokenListener listener) {
        return generate(scenes, prompts, generation, tokens, listener, null);
    }

    /** {@link #generate(List, List, GenerationConfig, TokenDecoder, TokenListener)} under {@code rule} (may be null). */
    public List<Generation> generate(List<SceneFeatures> scenes, List<int[]> prompts, GenerationConfig generation,
                                     TokenDecoder tokens, TokenListener listener, LogitsRule rule) {
        if (scenes.size() != prompts.size() || scenes.isEmpty()) {
            throw new IllegalArgumentException(scenes.size() + " scenes and " + prompts.size()
                    + " prompts: give one scene per prompt, at least one");
        }
        try (NDManager scope = newScope()) {
            Map<SceneFeatures, NDArray[]> encoded = new IdentityHashMap<>();
            List<NDArray> prefixes = new ArrayList<>(scenes.size());
            List<NDArray> pointers = new ArrayList<>(scenes.size());
            for (SceneFeatures f : scenes) {
                NDArray[] e = encoded.computeIfAbsent(f, k -> {
                    NDArray prefix = sceneTokens(k, scope).stopGradient();                    // [S, C]
                    return new NDArray[] {prefix, pointerEntries(prefix)};                    // [N, C] or null
                });
                prefixes.add(e[0]);
                pointers.add(e[1]);
            }
            TokenDecoder text = tokens;
            if (tokens != null && config.objectPointers()) {
                if (encoded.size() > 1) {
                    throw new IllegalArgumentException("text of pointer ids needs one scene per batch, got "
                            + encoded.size() + ": pass no TokenDecoder and read the ids with readable()");
                }
                text = pointers.get(0) == null ? tokens : PointerText.of(config).decoder(tokens, scenes.get(0));
            }
            return new Generator(decoder).generate(prompts, prefixes, pointers, generation, text, listener, rule);
        }
    }

    @Override
    public void close() {
        encoderManager.close();
        decoder.close();
    }
}
