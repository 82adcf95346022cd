package io.r1kit.eval;

/** METEOR's sufficient statistics for one alignment, or summed over a corpus; see {@link Meteor}. */
final class MeteorStats {

    int hypLen;
    int refLen;
    int hypFunction;
    int refFunction;
    final int[] hypContentMatched = new int[Meteor.WEIGHTS.length];
    final int[] hypFunctionMatched = new int[Meteor.WEIGHTS.length];
    final int[] refContentMatched = new int[Meteor.WEIGHTS.length];
    final int[] refFunctionMatched = new int[Meteor.WEIGHTS.length];
    int chunks;

    void add(MeteorStats o) {
        hypLen += o.hypLen;
        refLen += o.refLen;
        hypFunction += o.hypFunction;
        refFunction += o.refFunction;
        for (int m = 0; m < Meteor.WEIGHTS.length; m++) {
            hypContentMatched[m] += o.hypContentMatched[m];
            hypFunctionMatched[m] += o.hypFunctionMatched[m];
            refContentMatched[m] += o.refContentMatched[m];
            refFunctionMatched[m] += o.refFunctionMatched[m];
        }
        // The official aggregate leaves out the chunk of a sample matched whole (it has no
        // fragmentation of its own), so a corpus of perfect samples keeps a zero penalty.
        if (!o.whole()) {
            chunks += o.chunks;
        }
    }

    /** Every word of both sentences matched, in one chunk. */
    private boolean whole() {
        return matched(hypContentMatched, hypFunctionMatched) == hypLen
                && matched(refContentMatched, refFunctionMatched) == refLen && chunks == 1;
    }

    private static int matched(int[] content, int[] function) {
        int n = 0;
        for (int m = 0; m < content.length; m++) {
            n += content[m] + function[m];
        }
        return n;
    }

    /** The METEOR score of these statistics (0 when nothing matched). */
    double score() {
        double d = Meteor.DELTA;
        double p = 0;
        double r = 0;
        for (int m = 0; m < Meteor.WEIGHTS.length; m++) {
            double w = Meteor.WEIGHTS[m];
            p += w * (d * hypContentMatched[m] + (1 - d) * hypFunctionMatched[m]);
            r += w * (d * refContentMatched[m] + (1 - d) * refFunctionMatched[m]);
        }
        int matchedHyp = matched(hypContentMatched, hypFunctionMatched);
        int matchedRef = matched(refContentMatched, refFunctionMatched);
        double hypWeight = d * (hypLen - hypFunction) + (1 - d) * hypFunction;
        double refWeight = d * (refLen - refFunction) + (1 - d) * refFunction;
        if (matchedHyp == 0 || hypWeight == 0 || refWeight == 0) {
            return 0;
        }
        p /= hypWeight;
        r /= refWeight;
        double fMean = p * r / (Meteor.ALPHA * p + (1 - Meteor.ALPHA) * r);
        double meanMatched = (matchedHyp + matchedRef) / 2.0;
        // METEOR 1.5 charges no fragmentation when both sentences are matched whole in one chunk.
        double penalty = whole() ? 0 : Meteor.GAMMA * Math.pow(chunks / meanMatched, Meteor.BETA);
        return (1 - penalty) * fMean;
    }
}
