package io.r1kit.train.sft;

import com.google.gson.JsonObject;

import java.util.Locale;

/**
 * Held-out scores of a trained nano model: grounding as ScanRefer counts it (a generated box whose
 * 3D IoU with the target is at least 0.25 or 0.5; an answer without a readable {@code <obj>} box scores
 * IoU 0) and dense captions against the data engine's caption with the COCO scorers.
 *
 * @param grounding  grounding questions scored
 * @param acc25      share with IoU >= 0.25 (NaN when none were scored)
 * @param acc50      share with IoU >= 0.5
 * @param meanIou    mean IoU
 * @param unparsable grounding answers without a readable box
 * @param captions   dense captions scored
 * @param cider      CIDEr-D (NaN when none were scored)
 * @param bleu4      BLEU-4
 * @param meteor     METEOR
 * @param meteorData which METEOR modules ran
 */
public record SftScores(int grounding, double acc25, double acc50, double meanIou, int unparsable, int captions,
                        double cider, double bleu4, double meteor, String meteorData) {

    /** A two-part table. */
    public String toText() {
        return String.format(Locale.ROOT, """
                grounding      %d questions   Acc@0.25 %.3f   Acc@0.5 %.3f   mean IoU %.3f   no box %d
                dense caption  %d objects     CIDEr %.3f   BLEU-4 %.3f   METEOR %.3f  (%s)""",
                grounding, acc25, acc50, meanIou, unparsable, captions, cider, bleu4, meteor, meteorData);
    }

    /** The scores as JSON (NaN written as null). */
    public JsonObject toJson() {
        JsonObject g = new JsonObject();
        g.addProperty("count", grounding);
        put(g, "acc_0_25", acc25);
        put(g, "acc_0_5", acc50);
        put(g, "mean_iou", meanIou);
        g.addProperty("unparsable", unparsable);
        JsonObject c = new JsonObject();
        c.addProperty("count", captions);
        put(c, "cider", cider);
        put(c, "bleu4", bleu4);
        put(c, "meteor", meteor);
        c.addProperty("meteor_data", meteorData);
        JsonObject o = new JsonObject();
        o.add("grounding", g);
        o.add("dense_caption", c);
        return o;
    }

    private static void put(JsonObject o, String key, double v) {
        if (Double.isNaN(v)) {
            o.add(key, com.google.gson.JsonNull.INSTANCE);
        } else {
            o.addProperty(key, v);
        }
    }
}
