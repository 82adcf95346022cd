package io.r1kit.model.vlm;

import io.r1kit.model.generate.LogitsRule;
import io.r1kit.model.text.WordVocabulary;

import java.util.List;

/**
 * The dense-caption decoding rule: within one section of a reply (the reasoning, then again the answer, which
 * starts after {@code </think>}) each object pointer {@code V + i} is written at most once, and once every
 * object of the row has been written no further box ({@code <obj>}) opens. Scan2Cap-style captioners keep one
 * caption per object by dropping duplicate boxes after decoding; ruling the repeat out while decoding also
 * keeps a small model that loses its place in a long list from going round the same objects until the token
 * limit cuts the reply (and its closing tags) off: it moves on to an object it has not named, or ends the list.
 *
 * <pre>{@code
 * LogitsRule rule = DistinctPointers.of(model.config(), new boolean[] {true, false}); // row 0 is a dense caption
 * model.generate(scenes, prompts, greedy, null, null, rule);
 * }</pre>
 *
 * @param vocab      V, the word vocabulary size: ids from V on are pointers
 * @param openId     the id of {@code <obj>}
 * @param sectionEnd the id of {@code </think>}, after which pointers may be written once more
 * @param rows       per batch row whether the rule applies
 */
public record DistinctPointers(int vocab, int openId, int sectionEnd, boolean[] rows) implements LogitsRule {

    public DistinctPointers {
        rows = rows.clone();
    }

    @Override
    public boolean[] rows() {
        return rows.clone();
    }

    /** The rule for a model of {@code config}, on the rows marked true. */
    public static DistinctPointers of(VlmConfig config, boolean[] rows) {
        List<String> fixed = WordVocabulary.fixedTokens();
        return new DistinctPointers(config.decoder().vocabSize(), fixed.indexOf("<obj>"), fixed.indexOf("</think>"),
                rows);
    }

    /**
     * The rule for a model of {@code config} on the rows marked true, or null when it could change nothing: no row
     * is marked, or the model writes no pointers.
     */
    public static DistinctPointers onRows(VlmConfig config, boolean[] rows) {
        boolean any = false;
        for (boolean r : rows) {
            any |= r;
        }
        return any && config.objectPointers() ? of(config, rows) : null;
    }

    @Override
    public void apply(int row, List<Integer> generated, float[] scores) {
        int entries = scores.length - vocab;
        if (!rows[row] || entries <= 0) {
            return;
        }
        boolean[] used = new boolean[entries];
        int distinct = 0;
        for (int k = generated.size() - 1; k >= 0; k--) {
            int t = generated.get(k);
            if (t == sectionEnd) {
                break;
            }
            if (t >= vocab && t - vocab < entries && !used[t - vocab]) {
                used[t - vocab] = true;
                distinct++;
                scores[t] = Float.NEGATIVE_INFINITY;
            }
        }
        if (distinct == entries) {
            scores[openId] = Float.NEGATIVE_INFINITY;
        }
    }
}
