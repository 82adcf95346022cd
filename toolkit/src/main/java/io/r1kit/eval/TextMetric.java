package io.r1kit.eval;

import java.util.List;
import java.util.Map;

/** The text metrics by name, as the {@code r1kit eval --metric} option lists them. */
public enum TextMetric {
    /** BLEU-1..4. */
    BLEU,
    /** CIDEr-D. */
    CIDER,
    /** ROUGE-L. */
    ROUGE,
    /** METEOR 1.5 (all four modules when {@link MeteorResources#defaults()} finds METEOR's data). */
    METEOR,
    /** EM@1 and EM-R, on raw (untokenised) answers. */
    EM;

    /**
     * Scores raw predictions against raw references; every metric but {@link #EM} tokenises with
     * {@link PtbTokenizer} first, as the COCO pipeline does.
     */
    public List<MetricScore> score(Map<String, List<String>> predictions, Map<String, List<String>> references) {
        return score(predictions, references, MeteorResources.defaults());
    }

    /** {@link #score(Map, Map)} with the given METEOR data. */
    public List<MetricScore> score(Map<String, List<String>> predictions, Map<String, List<String>> references,
                                   MeteorResources meteor) {
        if (this == EM) {
            return ExactMatch.score(predictions, references);
        }
        return score(CaptionCorpus.of(predictions, references), meteor);
    }

    /** Scores a tokenised corpus ({@link #EM} scores the tokens joined by spaces). */
    public List<MetricScore> score(CaptionCorpus corpus) {
        return score(corpus, MeteorResources.defaults());
    }

    /** {@link #score(CaptionCorpus)} with the given METEOR data. */
    public List<MetricScore> score(CaptionCorpus corpus, MeteorResources meteor) {
        return switch (this) {
            case BLEU -> Bleu.score(corpus);
            case CIDER -> List.of(CiderD.score(corpus));
            case ROUGE -> List.of(RougeL.score(corpus));
            case METEOR -> List.of(Meteor.score(corpus, meteor));
            case EM -> {
                Map<String, List<String>> refs = new java.util.LinkedHashMap<>();
                for (int i = 0; i < corpus.size(); i++) {
                    refs.put(corpus.ids().get(i), corpus.references(i).stream().map(r -> String.join(" ", r)).toList());
                }
                yield ExactMatch.score(corpus.tokenizedCandidates(), refs);
            }
        };
    }
}
