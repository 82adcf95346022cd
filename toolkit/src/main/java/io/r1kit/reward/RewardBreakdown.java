package io.r1kit.reward;

import io.r1kit.Excerpt;
import io.r1kit.scene.Box3;
import io.r1kit.task.ReasonedReply;
import io.r1kit.task.ReasoningParser;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One output's rewards with what explains them: the think and answer blocks, each applicable
 * reward's value and a note (why the format fails, the box read from the answer and its IoU, the
 * answer compared with the reference). The command line and the notebook tables show this.
 *
 * <pre>{@code
 * RewardBreakdown b = RewardBreakdown.of(RewardTargets.defaultRewards(), output, target);
 * b.score().total();   b.notes().get("format");   // "ok" or e.g. "no <think> tag"
 * }</pre>
 *
 * @param output       the scored text
 * @param think        the {@code <think>} block, or empty when the output is not in the format
 * @param answer       the text the perception and semantic rewards read
 * @param score        the applicable rewards and their sum
 * @param notes        a note per scored reward, by name, in the set's order
 * @param predictedBox the first box of the answer, read over the target's bounds, when there is one
 */
public record RewardBreakdown(String output, Optional<String> think, String answer, RewardScore score,
                              Map<String, String> notes, Optional<Box3> predictedBox) {

    public RewardBreakdown {
        notes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /** Scores {@code output} against {@code target} with {@code rewards} and explains each part. */
    public static RewardBreakdown of(RewardSet rewards, String output, RewardTarget target) {
        String text = output == null ? "" : output;
        RewardScore score = rewards.score(text, target);
        ReasoningParser.Result parsed = ReasoningParser.parse(text);
        Optional<Box3> box = target != null && target.bounds() != null
                ? PerceptionReward.predictedBox(text, target.bounds()) : Optional.empty();
        String answer = Answers.of(text);
        Map<String, String> notes = new LinkedHashMap<>();
        for (String name : score.parts().keySet()) {
            notes.put(name, switch (name) {
                case "format" -> parsed.valid() ? "ok" : parsed.reason();
                case "perception" -> box.map(b -> "predicted " + metres(b)).orElse("no readable box in the answer");
                case "semantic" -> "answer \"" + Excerpt.words(answer, 60) + "\" vs reference \""
                        + Excerpt.words(target.reference(), 60) + "\"";
                case "answer" -> "exact match with \"" + Excerpt.words(target.reference(), 60) + "\" after normalising";
                case "facts" -> "share of the reference's facts stated without contradiction";
                case "captions" -> "captioned boxes matched one to one to the objects at IoU 0.5, by label and colour";
                case "cider" -> "CIDEr-D / 10 against \"" + Excerpt.words(target.reference(), 60) + "\"";
                default -> "";
            });
        }
        return new RewardBreakdown(text, parsed.reasoning().map(ReasonedReply::think), answer, score, notes, box);
    }

    /** Each reward with its value and note, one a line, then the total: what {@code r1kit reward} prints. */
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-11s %6s  %s%n", "reward", "value", "note"));
        for (Map.Entry<String, Double> e : score.parts().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-11s %6.3f  %s%n", e.getKey(), e.getValue(), notes.get(e.getKey())));
        }
        sb.append(String.format(Locale.ROOT, "%-11s %6.3f", "total", score.total()));
        return sb.toString();
    }

    /** A box as {@code "(cx, cy, cz) dx x dy x dz m"}, centimetre precision. */
    public static String metres(Box3 b) {
        return String.format(Locale.ROOT, "(%.2f, %.2f, %.2f) %.2f x %.2f x %.2f m",
                b.cx(), b.cy(), b.cz(), b.dx(), b.dy(), b.dz());
    }
}
