package io.r1kit.eval;

/**
 * One candidate alignment link of {@link MeteorAligner}: {@code refLength} reference words from
 * {@code refStart} matched to {@code hypLength} hypothesis words from {@code hypStart} by a module
 * (0 exact, 1 stem, 2 synonym, 3 paraphrase; only paraphrases span more than one word).
 */
record MeteorMatch(int refStart, int refLength, int hypStart, int hypLength, int module) {

    /** Exact, stem and synonym matches link one word to one word. */
    static MeteorMatch word(int ref, int hyp, int module) {
        return new MeteorMatch(ref, 1, hyp, 1, module);
    }

    int refEnd() {
        return refStart + refLength;
    }

    int hypEnd() {
        return hypStart + hypLength;
    }
}
