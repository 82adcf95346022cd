package io.r1kit.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scan2Cap's m@kIoU (Chen et al. 2021, section 5): dense captioning scores a caption only when the
 * box it describes overlaps the target object enough. The caption metric m is computed over all
 * objects as usual (CIDEr's document frequencies come from every object's references); then each
 * object's score is kept when its matched box has IoU >= k and set to 0 otherwise, and the mean is
 * taken over all objects. For BLEU the per-object value is the scorer's per-sentence BLEU-4.
 */
public final class Scan2CapScores {

    private Scan2CapScores() {}

    /**
     * CIDEr, BLEU-4, METEOR and ROUGE-L at IoU threshold {@code k}, named like {@code "CIDEr@0.5"}.
     *
     * @param corpus the captions, one sample per object
     * @param ious   IoU of each object's matched box with its target, in the corpus order
     */
    public static List<MetricScore> score(CaptionCorpus corpus, Map<String, Double> ious, double k) {
        return score(corpus, ious, k, MeteorResources.defaults());
    }

    /** {@link #score(CaptionCorpus, Map, double)} with the given METEOR data. */
    public static List<MetricScore> score(CaptionCorpus corpus, Map<String, Double> ious, double k,
                                          MeteorResources meteor) {
        List<MetricScore> base = new ArrayList<>();
        base.add(CiderD.score(corpus));
        base.add(Bleu.score(corpus).get(3));
        base.add(Meteor.score(corpus, meteor));
        base.add(RougeL.score(corpus));
        double[] mask = new double[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            Double iou = ious.get(corpus.ids().get(i));
            if (iou == null) {
                throw new IllegalArgumentException("id \"" + corpus.ids().get(i) + "\": no IoU");
            }
            mask[i] = iou >= k ? 1 : 0;
        }
        List<MetricScore> out = new ArrayList<>();
        for (MetricScore m : base) {
            out.add(masked(m, mask, k));
        }
        return out;
    }

    /** The per-sample scores times the mask, and their mean. */
    static MetricScore masked(MetricScore m, double[] mask, double k) {
        double[] v = m.perSample();
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] *= mask[i];
            sum += v[i];
        }
        return new MetricScore(m.name() + "@" + k, sum / v.length, v);
    }
}
