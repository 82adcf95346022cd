package io.r1kit.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.r1kit.model.Engines;
import io.r1kit.model.lm.KvCache;
import io.r1kit.model.lm.Qwen2Model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Autoregressive decoding over a KV cache: the prompts are fed once (left-padded to one length),
 * then one token per row per step. All arrays of a call live in one scoped manager and each step's
 * intermediates in a sub-manager, so repeated calls do not grow native memory.
 *
 * <p>A row may start with prefix embeddings (e.g. the scene tokens of the nano 3D model,
 * paper §3): they are fed with the prompt in the same prefill, take positions 0..P-1, and the
 * prompt's tokens continue at P; left padding goes before the prefix. Rows that repeat an earlier row (the
 * same prompt after the same prefix and pointer arrays, as the G rows of a GRPO group do) are fed once and
 * their KV-cache row copied; each row then draws its own tokens.
 *
 * <pre>{@code
 * Generator g = new Generator(model);
 * Generation out = g.generate(new int[] {1, 2, 3}, GenerationConfig.builder().maxNewTokens(16).build());
 * NDArray scene = scope.create(new float[4][model.config().hiddenSize()]);   // [P, C]
 * Generation withScene = g.generate(new int[] {1, 2, 3}, scene, config);
 * }</pre>
 *
 * <p>Legend: B batch, W padded prompt length (prefix included), T tokens fed in a step,
 * P prefix embeddings of a row, C width, V vocabulary, N pointer entries of a row.
 */
public final class Generator {

    private final Qwen2Model model;

    public Generator(Qwen2Model model) {
        this.model = model;
    }

    /** Generates from one prompt, without a decoder or listener. */
    public Generation generate(int[] prompt, GenerationConfig config) {
        return generate(List.of(prompt), config, null, null).get(0);
    }

    /** Generates from one prompt after prefix embeddings {@code prefix [P, C]}, without a decoder or listener. */
    public Generation generate(int[] prompt, NDArray prefix, GenerationConfig config) {
        return generate(List.of(prompt), Arrays.asList(prefix), config, null, null).get(0);
    }

    /**
     * Generates from a batch of prompts.
     *
     * @param prompts  token ids per row (may differ in length; shorter ones are left-padded)
     * @param decoder  turns tokens into text for stop strings and {@link Generation#text()}; may be null
     *                 when {@code config} has no stop strings
     * @param listener called for each chosen token; may be null
     * @return one generation per prompt, in order
     */
    public List<Generation> generate(List<int[]> prompts, GenerationConfig config, TokenDecoder decoder,
                                     TokenListener listener) {
        return generate(prompts, null, config, decoder, listener);
    }

    /**
     * Generates from a batch of prompts, each after its own prefix embeddings.
     *
     * @param prompts  token ids per row (may differ in length; shorter rows are left-padded)
     * @param prefixes per row, embeddings {@code [P, C]} (float32, or the model's compute type; they are cast to
     *                 it) placed before the row's tokens (P may differ between rows), or null for a row without;
     *                 the list may be null for none at all. Read, not closed; any manager, any device
     * @param decoder  turns tokens into text for stop strings and {@link Generation#text()}; may be null
     *                 when {@code config} has no stop strings
     * @param listener called for each chosen token; may be null
     * @return one generation per prompt, in order
     */
    public List<Generation> generate(List<int[]> prompts, List<NDArray> prefixes, GenerationConfig config,
                                     TokenDecoder decoder, TokenListener listener) {
        return generate(prompts, prefixes, null, config, decoder, listener);
    }

    /**
     * Generates from a batch of prompts, each after its own prefix embeddings, with per-row pointer
     * entries: dynamic vocabulary entries (e.g. the objects of the 3D model's scene) that extend the V
     * words. Entry i of a row is token id {@code V + i}: its logit at each step is {@code hidden · entry_i}
     * (appended to the V word logits, so sampling, the repetition penalty and log-probs run over V + N
     * choices) and, when chosen, it is fed back with {@code entry_i} as its input embedding. The KV cache,
     * stops and sampling are those of {@link #generate(List, List, GenerationConfig, TokenDecoder, TokenListener)}.
     *
     * @param pointers per row, entries {@code [N, C]} (float32 or the compute type, any manager and device; N
     *                 may differ between rows) or null for a row without; the list itself may be null
     * @param decoder  must read ids {@code V + i} when rows have entries (it sees the generated ids as they are)
     */
    public List<Generation> generate(List<int[]> prompts, List<NDArray> prefixes, List<NDArray> pointers,
                                     GenerationConfig config, TokenDecoder decoder, TokenListener listener) {
        return generate(prompts, prefixes, pointers, config, decoder, listener, null);
    }

    /**
     * {@link #generate(List, List, List, GenerationConfig, TokenDecoder, TokenListener)} with {@code rule}
     * (may be null) applied to each row's scores before its token is chosen; gradients off on any thread.
     */
    public List<Generation> generate(List<int[]> prompts, List<NDArray> prefixes, List<NDArray> pointers,
                                     GenerationConfig config, TokenDecoder decoder, TokenListener listener,
                                     LogitsRule rule) {
        return Engines.withoutGradients(() -> decode(prompts, prefixes, pointers, config, decoder, listener, rule));
    }

    private List<Generation> decode(List<int[]> prompts, List<NDArray> prefixes, List<NDArray> pointers,
                                    GenerationConfig config, TokenDecoder decoder, TokenListener listener,
                                    LogitsRule rule) {
        if (pointers != null && pointers.size() != prompts.size()) {
            throw new IllegalArgumentException(pointers.size() + " pointer entries for " + prompts.size()
                    + " prompts: give one per row (null for a row without)");
        }
        if (decoder == null && !config.stopStrings().isEmpty()) {
            throw new IllegalArgumentException("stop strings " + config.stopStrings() + " need a TokenDecoder");
        }
        PromptBatch prompt = new PromptBatch(prompts, prefixes, model.config(), config.padTokenId());
        SharedPrefill shared = SharedPrefill.of(prompts, prefixes, pointers);             // null: no row repeats
        int batch = prompts.size();
        long[] input = prompt.ids();
        boolean[][] keep = prompt.keep();
        List<List<Integer>> tokens = new ArrayList<>();
        List<List<Float>> logProbs = new ArrayList<>();
        StopReason[] reasons = new StopReason[batch];
        for (int b = 0; b < batch; b++) {
            tokens.add(new ArrayList<>());
            logProbs.add(new ArrayList<>());
        }
        Random random = new Random(config.seed());
        int capacity = keep[0].length + config.maxNewTokens(); // the prompt and prefix, then one token per step
        try (NDManager call = model.newScope()) {                  // the caches live in sub-managers of call
            NDArray[] entries = PointerEntries.of(model, pointers, batch, call);              // per row [N, C] or null
            KvCache cache = shared == null ? model.newCache(call, batch, capacity) : null;
            for (int step = 0; step < config.maxNewTokens(); step++) {
                long[] ids = input;
                float[][] logits;                                                             // [B][V + N]
                if (step == 0 && shared != null) {                 // each distinct prompt fed once, its row copied
                    PromptBatch fed = new PromptBatch(shared.pick(prompts), shared.pick(prefixes), model.config(),
                            config.padTokenId());
                    try (KvCache few = model.newCache(call, shared.size(), capacity)) {
                        logits = shared.spread(nextLogits(call, scope -> fed.embeddings(model, scope), shared.size(),
                                fed.keep(), few, shared.pick(entries)));
                        cache = few.rowsOf(call, shared.rowOf());
                    }
                } else {
                    Function<NDManager, NDArray> embeds = step == 0
                            ? scope -> prompt.embeddings(model, scope)                          // [B, W, C]
                            : scope -> PointerEntries.stepEmbeddings(model, ids, entries, scope); // [B, 1, C]
                    logits = nextLogits(call, embeds, batch, keep, cache, entries);
                }
                long[] next = new long[batch];
                boolean[][] nextKeep = new boolean[batch][1];
                for (int b = 0; b < batch; b++) {
                    next[b] = config.padTokenId();
                    if (reasons[b] != null) {
                        continue; // finished rows feed padding nobody attends to
                    }
                    List<Integer> generated = tokens.get(b);
                    int[] promptIds = prompts.get(b);
                    if (rule != null) {
                        rule.apply(b, Collections.unmodifiableList(generated), logits[b]);
                    }
                    TokenChooser.Choice choice = TokenChooser.choose(logits[b], () -> history(promptIds, generated),
                            config, random);
                    int token = choice.token();
                    float logProb = choice.logProb();
                    tokens.get(b).add(token);
                    logProbs.get(b).add(logProb);
                    if (listener != null) {
                        listener.onToken(b, token, logProb);
                    }
                    reasons[b] = stopReason(config, decoder, tokens.get(b), token, prompt.length(b));
                    next[b] = token;
                    nextKeep[b][0] = reasons[b] == null;
                }
                if (Arrays.stream(reasons).allMatch(r -> r != null)) {
                    break;
                }
                input = next;
                keep = nextKeep;
            }
        }
        List<Generation> out = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            int[] ids = tokens.get(b).stream().mapToInt(Integer::intValue).toArray();
            float[] lp = new float[ids.length];
            for (int i = 0; i < lp.length; i++) {
                lp[i] = logProbs.get(b).get(i);
            }
            StopReason reason = reasons[b] == null ? StopReason.MAX_TOKENS : reasons[b];
            out.add(new Generation(ids, lp, decoder == null ? null : decoder.decode(ids), reason));
        }
        return out;
    }

    /**
     * The next-token logits after each prompt, from one prefill and no generation: what the first
     * step of {@link #generate(List, List, GenerationConfig, TokenDecoder, TokenListener)} chooses from.
     *
     * @param prefixes as in {@code generate}: per row {@code [P, C]} or null; the list may be null
     * @return [B][V]
     */
    public float[][] nextTokenLogits(List<int[]> prompts, List<NDArray> prefixes) {
        PromptBatch prompt = new PromptBatch(prompts, prefixes, model.config(), 0);
        try (NDManager call = model.newScope(); KvCache cache = model.newCache(call, prompts.size())) {
            return nextLogits(call, scope -> prompt.embeddings(model, scope), prompts.size(), prompt.keep(), cache, null);
        }
    }

    /**
     * Feeds the step's embeddings [B, T, C] and returns the logits of each row's last position: [B][V], then
     * {@code hidden · entry_i} for each of the row's pointer entries.
     */
    private float[][] nextLogits(NDManager call, Function<NDManager, NDArray> embeds, int batch, boolean[][] keep,
                                 KvCache cache, NDArray[] entries) {
        try (NDManager step = call.newSubManager()) {
            NDArray hidden = model.hidden(embeds.apply(step), keep, cache);              // [B, T, C]
            NDArray lastHidden = hidden.get(new NDIndex(":, -1, :"));                   // [B, C]
            NDArray last = model.logits(lastHidden.expandDims(1));                      // [B, 1, V]
            float[] flat = last.toFloatArray();
            int vocab = flat.length / batch;
            float[][] rows = new float[batch][];
            for (int b = 0; b < batch; b++) {
                rows[b] = Arrays.copyOfRange(flat, b * vocab, (b + 1) * vocab);
                if (entries != null && entries[b] != null) {
                    // pointer logits: the entries act as extra rows of the tied LM head
                    float[] extra = lastHidden.get(b).expandDims(0).matMul(entries[b].transpose())
                            .toType(DataType.FLOAT32, false).toFloatArray();          // [1, N]
                    float[] row = Arrays.copyOf(rows[b], vocab + extra.length);
                    System.arraycopy(extra, 0, row, vocab, extra.length);
                    rows[b] = row;
                }
            }
            return rows;
        }
    }

    private static int[] history(int[] prompt, List<Integer> generated) {
        return IntStream.concat(IntStream.of(prompt), generated.stream().mapToInt(Integer::intValue)).toArray();
    }

    private StopReason stopReason(GenerationConfig config, TokenDecoder decoder, List<Integer> generated,
                                  int token, int promptLength) {
        if (config.stopTokenIds().contains(token)) {
            return StopReason.STOP_TOKEN;
        }
        if (!config.stopStrings().isEmpty()) {
            String text = decoder.decode(generated.stream().mapToInt(Integer::intValue).toArray());
            if (config.stopStrings().stream().anyMatch(text::contains)) {
                return StopReason.STOP_STRING;
            }
        }
        if (promptLength + generated.size() >= model.config().maxPositionEmbeddings()) {
            return StopReason.MAX_POSITIONS;
        }
        return generated.size() >= config.maxNewTokens() ? StopReason.MAX_TOKENS : null;
    }
}
