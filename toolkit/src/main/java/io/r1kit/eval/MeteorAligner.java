package io.r1kit.eval;

import org.tartarus.snowball.ext.englishStemmer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * METEOR 1.5's alignment of a hypothesis with one reference (Denkowski and Lavie 2014, section 2):
 * every module proposes links, a link that nothing competes with is fixed, and a beam search over
 * the reference positions picks among the rest. Not thread-safe (one stemmer per aligner).
 *
 * <p>Three details decide which alignment wins and therefore the score, so we follow the official
 * scorer in each (checked against its jar by {@code environment/check_coco.py}):
 * <ul>
 *   <li>the search ranks partial alignments by their weighted matched words, fewer chunks, then a
 *       smaller distance; a link counts {@code floor(words × w)} with w = 1 for exact and 0.5 for
 *       the other modules, so a lone one-word stem, synonym or paraphrase link adds nothing and
 *       loses to leaving the word out when it would open a chunk;</li>
 *   <li>the distance of a link is charged to the alignment that skips it, not the one that takes it;</li>
 *   <li>identical sentences use the exact module alone.</li>
 * </ul>
 */
final class MeteorAligner {

    /** Module numbers, in matching order. */
    static final int EXACT = 0;
    static final int STEM = 1;
    static final int SYNONYM = 2;
    static final int PARAPHRASE = 3;
    /** Partial alignments kept per reference position. */
    static final int BEAM = 40;
    private static final double[] SEARCH_WEIGHTS = {1.0, 0.5, 0.5, 0.5};
    private static final Comparator<Path> RANK = Comparator.comparingInt((Path p) -> -p.weighted)
            .thenComparingInt(p -> p.chunks).thenComparingInt(p -> p.distance);

    private final MeteorResources data;
    private final englishStemmer snowball = new englishStemmer();

    MeteorAligner(MeteorResources data) {
        this.data = data;
    }

    /** Aligns hypothesis and reference tokens (lower case) and returns METEOR's statistics. */
    MeteorStats align(String[] hyp, String[] ref) {
        MeteorCandidates c = new MeteorCandidates(hyp.length, ref.length);
        c.exact(hyp, ref);
        if (!Arrays.equals(hyp, ref)) {
            c.stems(hyp, ref, stems(hyp), stems(ref));
            if (data.synonyms() != null) {
                c.synonyms(hyp, ref, data.synonyms());
            }
            if (data.paraphrases() != null) {
                c.paraphrases(hyp, ref, data.paraphrases());
            }
        }
        Path best = search(c, ref.length, hyp.length);
        return statistics(best.links, hyp, ref);
    }

    /** Beam search over reference positions, starting from the links nothing competes with. */
    private static Path search(MeteorCandidates c, int refLength, int hypLength) {
        Path start = new Path(refLength, hypLength);
        for (int j = 0; j < refLength; j++) {
            MeteorMatch only = c.uncontested(j);
            if (only != null) {
                start.take(only);
                start.links[j] = only;
            }
        }
        List<Path> next = new ArrayList<>(List.of(start));
        for (int current = 0; current <= refLength; current++) {
            List<Path> paths = next;
            next = new ArrayList<>();
            paths.sort(RANK);                                // stable, as ties are decided by order
            for (int rank = 0; rank < BEAM && rank < paths.size(); rank++) {
                Path path = paths.get(rank);
                if (current == refLength) {
                    path.closeChunk();
                    next.add(path);
                } else if (path.usedRef[current]) {
                    if (current < path.idx) {
                        next.add(path);                      // inside a multi-word link
                    } else if (path.links[path.idx] != null) {
                        MeteorMatch m = path.links[path.idx];
                        path.extend(m);
                        path.distance += Math.abs(m.refStart() - m.hypStart());
                        next.add(path);
                    }
                } else {
                    for (MeteorMatch m : c.at(current)) {
                        if (path.uses(m)) {
                            continue;
                        }
                        Path taken = path.copy();
                        taken.take(m);
                        taken.links[current] = m;
                        taken.extend(m);
                        path.distance += Math.abs(m.refStart() - m.hypStart());
                        next.add(taken);
                    }
                    path.closeChunk();
                    path.idx++;
                    next.add(path);
                }
            }
            if (next.isEmpty()) {
                next.add(paths.get(0));
            }
        }
        next.sort(RANK);
        return next.get(0);
    }

    /** Matched words per module and kind, and the chunks of the chosen links. */
    private MeteorStats statistics(MeteorMatch[] links, String[] hyp, String[] ref) {
        MeteorStats s = new MeteorStats();
        s.hypLen = hyp.length;
        s.refLen = ref.length;
        boolean[] hypFunction = functionWords(hyp);
        boolean[] refFunction = functionWords(ref);
        for (boolean f : hypFunction) {
            s.hypFunction += f ? 1 : 0;
        }
        for (boolean f : refFunction) {
            s.refFunction += f ? 1 : 0;
        }
        int lastHypEnd = -1;
        for (int idx = 0; idx < links.length; ) {
            MeteorMatch m = links[idx];
            if (m == null) {
                if (lastHypEnd != -1) {
                    s.chunks++;
                    lastHypEnd = -1;
                }
                idx++;
                continue;
            }
            for (int i = m.hypStart(); i < m.hypEnd(); i++) {
                (hypFunction[i] ? s.hypFunctionMatched : s.hypContentMatched)[m.module()]++;
            }
            for (int j = m.refStart(); j < m.refEnd(); j++) {
                (refFunction[j] ? s.refFunctionMatched : s.refContentMatched)[m.module()]++;
            }
            if (lastHypEnd != -1 && m.hypStart() != lastHypEnd) {
                s.chunks++;                                  // the hypothesis side jumps: a new chunk
            }
            idx = m.refEnd();
            lastHypEnd = m.hypEnd();
        }
        if (lastHypEnd != -1) {
            s.chunks++;
        }
        return s;
    }

    private boolean[] functionWords(String[] words) {
        boolean[] out = new boolean[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = data.isFunctionWord(words[i].toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    private String[] stems(String[] words) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            snowball.setCurrent(words[i]);
            snowball.stem();
            out[i] = snowball.getCurrent();
        }
        return out;
    }

    /** A partial alignment: links chosen so far (by reference start) and its search score. */
    private static final class Path {
        final MeteorMatch[] links;
        final boolean[] usedRef;
        final boolean[] usedHyp;
        int weighted;          // floor-weighted matched words, both sides
        int chunks;
        int idx;               // next reference position to decide
        int lastHypEnd = -1;   // end of the open chunk on the hypothesis side, -1 when none is open
        int distance;

        Path(int refLength, int hypLength) {
            links = new MeteorMatch[refLength];
            usedRef = new boolean[refLength];
            usedHyp = new boolean[hypLength];
        }

        private Path(Path p) {
            links = p.links.clone();
            usedRef = p.usedRef.clone();
            usedHyp = p.usedHyp.clone();
            weighted = p.weighted;
            chunks = p.chunks;
            idx = p.idx;
            lastHypEnd = p.lastHypEnd;
            distance = p.distance;
        }

        Path copy() {
            return new Path(this);
        }

        boolean uses(MeteorMatch m) {
            for (int j = m.refStart(); j < m.refEnd(); j++) {
                if (usedRef[j]) {
                    return true;
                }
            }
            for (int i = m.hypStart(); i < m.hypEnd(); i++) {
                if (usedHyp[i]) {
                    return true;
                }
            }
            return false;
        }

        void take(MeteorMatch m) {
            Arrays.fill(usedRef, m.refStart(), m.refEnd(), true);
            Arrays.fill(usedHyp, m.hypStart(), m.hypEnd(), true);
        }

        /** Counts a link in the search score and moves past it. */
        void extend(MeteorMatch m) {
            double w = SEARCH_WEIGHTS[m.module()];
            weighted += (int) Math.floor(m.hypLength() * w) + (int) Math.floor(m.refLength() * w);
            if (lastHypEnd != -1 && m.hypStart() != lastHypEnd) {
                chunks++;
            }
            idx = m.refEnd();
            lastHypEnd = m.hypEnd();
        }

        void closeChunk() {
            if (lastHypEnd != -1) {
                chunks++;
                lastHypEnd = -1;
            }
        }
    }
}
