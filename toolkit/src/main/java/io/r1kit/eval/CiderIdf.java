package io.r1kit.eval;

import java.util.Arrays;
import java.util.List;

/**
 * CIDEr-D ({@link CiderD}) of one candidate at a time, with the document frequencies fixed by a reference
 * corpus: what a reward needs, which scores each sampled caption alone. The corpus is a list of reference
 * sets, one per sample; an n-gram's document frequency is the number of sets that hold it, and {@code N} is
 * the number of sets. An n-gram no set holds weighs {@code log N}, as in the corpus scorer. Texts are
 * tokenised as the COCO scorer tokenises them ({@link PtbTokenizer}). Safe to share between threads.
 *
 * <pre>{@code
 * CiderIdf idf = CiderIdf.of(List.of(List.of("a red chair"), List.of("a blue table"), List.of("a lamp")));
 * idf.score("a red chair", List.of("a red chair"));   // the highest any candidate gets against that reference
 * }</pre>
 */
public final class CiderIdf {

    private final NGrams index = new NGrams();
    private final int[] df;
    private final double logN;

    /** The frequencies of {@code referenceSets} (each sample's references as raw text). */
    public static CiderIdf of(List<List<String>> referenceSets) {
        if (referenceSets.isEmpty()) {
            throw new IllegalArgumentException("CIDEr-D needs at least one reference set for its document frequencies");
        }
        return new CiderIdf(referenceSets.stream().map(CiderIdf::tokens).toArray(String[][][]::new));
    }

    /** The frequencies of tokenised reference sets, one per sample. */
    CiderIdf(String[][][] referenceSets) {
        int[] seenIn = new int[0];
        int[] counts = new int[0];
        for (int i = 0; i < referenceSets.length; i++) {
            for (String[] r : referenceSets[i]) {
                NGrams.Counts c = index.count(r);
                if (index.size() > counts.length) {
                    int grown = Math.max(index.size(), counts.length * 2);
                    counts = Arrays.copyOf(counts, grown);
                    int from = seenIn.length;
                    seenIn = Arrays.copyOf(seenIn, grown);
                    Arrays.fill(seenIn, from, grown, -1);
                }
                for (int[] ids : c.ids()) {
                    for (int id : ids) {
                        if (seenIn[id] != i) {          // once per sample, however many references hold it
                            seenIn[id] = i;
                            counts[id]++;
                        }
                    }
                }
            }
        }
        this.df = counts;
        this.logN = Math.log(referenceSets.length);
    }

    /** CIDEr-D (times 10, as the COCO scorer reports it) of {@code candidate} against {@code references}. */
    public double score(String candidate, List<String> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("CIDEr-D needs at least one reference");
        }
        return score(tokens(List.of(candidate))[0], tokens(references));
    }

    /** CIDEr-D of tokenised text. */
    synchronized double score(String[] candidate, String[][] references) {
        int n = NGrams.MAX_N;
        Vec cand = new Vec(index.count(candidate));
        double[] acc = new double[n];
        for (String[] r : references) {
            Vec ref = new Vec(index.count(r));
            double delta = cand.length - ref.length;
            double penalty = Math.exp(-(delta * delta) / (2 * CiderD.SIGMA * CiderD.SIGMA));
            for (int k = 0; k < n; k++) {
                double dot = clippedDot(cand.ids[k], cand.weights[k], ref.ids[k], ref.weights[k]);
                if (cand.norm[k] != 0 && ref.norm[k] != 0) {
                    dot /= cand.norm[k] * ref.norm[k];
                }
                acc[k] += dot * penalty;
            }
        }
        double mean = 0;
        for (double a : acc) {
            mean += a;
        }
        return mean / n / references.length * 10.0;
    }

    private static String[][] tokens(List<String> texts) {
        return texts.stream().map(t -> PtbTokenizer.tokens(t == null ? "" : t).toArray(String[]::new))
                .toArray(String[][]::new);
    }

    /** {@code sum min(c, r) * r} over shared ids (clipping, the "D" in CIDEr-D); ids ascending. */
    private static double clippedDot(int[] ci, double[] cw, int[] ri, double[] rw) {
        double dot = 0;
        int a = 0;
        int b = 0;
        while (a < ci.length && b < ri.length) {
            if (ci[a] < ri[b]) {
                a++;
            } else if (ci[a] > ri[b]) {
                b++;
            } else {
                dot += Math.min(cw[a], rw[b]) * rw[b];
                a++;
                b++;
            }
        }
        return dot;
    }

    /** TF-IDF weights per n (aligned with the ascending ids), their norms, the bigram count as length. */
    private final class Vec {
        final int[][] ids;
        final double[][] weights;
        final double[] norm;
        final int length;

        Vec(NGrams.Counts counts) {
            ids = counts.ids();
            weights = new double[ids.length][];
            norm = new double[ids.length];
            for (int k = 0; k < ids.length; k++) {
                int[] c = counts.counts()[k];
                weights[k] = new double[c.length];
                double sq = 0;
                for (int g = 0; g < c.length; g++) {
                    int id = ids[k][g];
                    double w = c[g] * (logN - Math.log(Math.max(1.0, id < df.length ? df[id] : 0)));
                    weights[k][g] = w;
                    sq += w * w;
                }
                norm[k] = Math.sqrt(sq);
            }
            length = counts.total(2);
        }
    }
}
