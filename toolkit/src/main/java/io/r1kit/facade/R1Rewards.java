package io.r1kit.facade;

import io.r1kit.display.Html;
import io.r1kit.display.HtmlRenderable;
import io.r1kit.notebook.RewardTables;
import io.r1kit.reward.RewardBreakdown;

import java.util.Map;
import java.util.Objects;

/**
 * The rewards of one answer (3D-R1 Sec. 3.2, and the verifiable {@code answer} and {@code facts} rewards of
 * GRPO): each reward that applies, with a note, and the total, against what {@code truth} says the target is.
 * Shows as a table in a notebook and reads as {@code r1kit reward}'s lines in JShell.
 *
 * <pre>{@code
 * var a = R1.ask(room, "qa", "How many pillows are there?");
 * a.rewards().total();                 // against the room's truth
 * a.rewards("two").parts();            // against a reference answer given
 * }</pre>
 *
 * @param answer    the answer scored
 * @param truth     what it was scored against, in words
 * @param breakdown the rewards with their notes
 */
public record R1Rewards(R1Answer answer, String truth, RewardBreakdown breakdown) implements HtmlRenderable {

    public R1Rewards {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(breakdown, "breakdown");
    }

    /** Scores {@code answer} against {@code found}. */
    static R1Rewards of(R1Answer answer, AnswerTruth.Found found) {
        return new R1Rewards(answer, found.source(), RewardBreakdown.of(found.rewards(), answer.answer().reply(),
                found.target()));
    }

    /** The sum of the rewards that apply. */
    public double total() {
        return breakdown.score().total();
    }

    /** Each reward that applies, by name. */
    public Map<String, Double> parts() {
        return breakdown.score().parts();
    }

    private String title() {
        return "rewards of the " + answer.task().slug() + " answer on " + answer.scene().name() + " (model "
                + answer.model() + ")";
    }

    @Override
    public String toHtml() {
        return "<div><p><b>" + Html.escape(title()) + "</b><br>against " + Html.escape(truth) + "</p>"
                + RewardTables.breakdown(breakdown).toHtml() + "</div>";
    }

    @Override
    public String toString() {
        return title() + "\nagainst " + truth + "\n" + breakdown.toText();
    }
}
