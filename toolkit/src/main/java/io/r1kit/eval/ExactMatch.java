package io.r1kit.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exact-match accuracy of question answering (ScanQA, SQA3D): both sides cleaned by
 * {@link AnswerNormalizer}; <b>EM@1</b> counts a prediction equal to one of the answers;
 * <b>EM-R</b> (refined) also counts one whose text without spaces contains, or is contained in, an
 * answer's text without spaces ("brown chair" vs "chair"). Scores are fractions in [0, 1]. An
 * empty prediction is never a containment match (the original test counts it as one).
 *
 * <p>One deliberate difference from LEO's loop, which returns at the first answer that matches in
 * either way: there, a prediction that equals the second answer but is contained in the first
 * gets EM@1 = 0. Here EM@1 looks at all answers, so EM@1 never depends on the answers' order.
 */
public final class ExactMatch {

    private ExactMatch() {}

    /** Whether the cleaned prediction equals a cleaned answer. */
    public static boolean exact(String prediction, List<String> answers) {
        String p = AnswerNormalizer.normalize(prediction);
        return answers.stream().map(AnswerNormalizer::normalize).anyMatch(p::equals);
    }

    /** Whether the cleaned prediction matches an answer exactly or by containment, ignoring spaces. */
    public static boolean refined(String prediction, List<String> answers) {
        String p = AnswerNormalizer.normalize(prediction);
        String ps = p.replaceAll("\\s+", "");
        for (String a : answers) {
            String g = AnswerNormalizer.normalize(a);
            String gs = g.replaceAll("\\s+", "");
            // An empty prediction is contained in every answer: it must not count as a match.
            if (p.equals(g) || (!ps.isEmpty() && !gs.isEmpty() && (gs.contains(ps) || ps.contains(gs)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * EM@1 and EM-R over id-matched predictions (the first string of each list is the top-1 answer)
     * and answers. Ids must agree as for {@link CaptionCorpus}.
     */
    public static List<MetricScore> score(Map<String, List<String>> predictions, Map<String, List<String>> answers) {
        CaptionCorpus.checkSameIds(predictions.keySet(), answers.keySet());
        List<String> ids = new ArrayList<>(answers.keySet());
        double[] em = new double[ids.size()];
        double[] emr = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            List<String> p = predictions.get(ids.get(i));
            if (p.isEmpty()) {
                throw new IllegalArgumentException("id \"" + ids.get(i) + "\": no prediction");
            }
            List<String> gt = answers.get(ids.get(i));
            if (gt.isEmpty()) {
                throw new IllegalArgumentException("id \"" + ids.get(i) + "\": no answer");
            }
            em[i] = exact(p.get(0), gt) ? 1 : 0;
            emr[i] = refined(p.get(0), gt) ? 1 : 0;
        }
        return List.of(new MetricScore("EM@1", mean(em), em), new MetricScore("EM-R", mean(emr), emr));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
