package io.r1kit.train.grpo;

import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.vlm.DistinctPointers;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Generation for rows whose tasks allow different lengths ({@link GrpoConfig#completionLength}): a batch
 * decodes until its longest row ends, so a grounding answer sampled beside a whole-room dense caption would
 * wait for it, and could run on to the caption's limit. Rows are therefore generated in one batch per limit,
 * and the outputs come back in the rows' order.
 *
 * <pre>{@code
 * List<Generation> out = LengthBatches.generate(model, rows, config::completionLength,
 *         n -> GenerationConfig.builder().maxNewTokens(n).build());
 * }</pre>
 */
public final class LengthBatches {

    private LengthBatches() {}

    /**
     * @param rows     one entry per output row (a prompt repeated G times is G rows)
     * @param limit    the most new tokens a row of a task may take
     * @param settings the generation settings at a given limit (the same seed for every batch is fine: the
     *                 batches hold different rows)
     */
    public static List<Generation> generate(Vlm3d model, List<GrpoPrompt> rows, ToIntFunction<Task> limit,
                                            IntFunction<GenerationConfig> settings) {
        return generate(model, rows, limit, settings, p -> false);
    }

    /**
     * As {@link #generate(Vlm3d, List, ToIntFunction, IntFunction)}, the rows {@code distinct} picks decoded with
     * each object named once per section ({@link DistinctPointers}), as {@code ask} decodes dense captions.
     */
    public static List<Generation> generate(Vlm3d model, List<GrpoPrompt> rows, ToIntFunction<Task> limit,
                                            IntFunction<GenerationConfig> settings, Predicate<GrpoPrompt> distinct) {
        Map<Integer, List<Integer>> byLimit = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byLimit.computeIfAbsent(limit.applyAsInt(rows.get(i).task()), k -> new ArrayList<>()).add(i);
        }
        Generation[] out = new Generation[rows.size()];
        for (Map.Entry<Integer, List<Integer>> e : byLimit.entrySet()) {
            List<GrpoPrompt> batch = e.getValue().stream().map(rows::get).toList();
            boolean[] ruled = new boolean[batch.size()];
            for (int k = 0; k < ruled.length; k++) {
                ruled[k] = distinct.test(batch.get(k));
            }
            List<Generation> gens = model.generate(batch.stream().map(GrpoPrompt::features).toList(),
                    batch.stream().map(GrpoPrompt::prompt).toList(), settings.apply(e.getKey()), null, null,
                    DistinctPointers.onRows(model.config(), ruled));
            for (int k = 0; k < gens.size(); k++) {
                out[e.getValue().get(k)] = gens.get(k);
            }
        }
        return Arrays.asList(out);
    }

    /** Greedy decoding to a limit of n new tokens, stopping at {@code model}'s end-of-sequence token when it has one. */
    public static IntFunction<GenerationConfig> greedy(Vlm3d model) {
        int eos = model.config().decoder().eosTokenId();
        return n -> {
            GenerationConfig.Builder b = GenerationConfig.builder().maxNewTokens(n);
            return eos >= 0 ? b.stopTokenIds(eos).build() : b.build();
        };
    }
}
