package io.r1kit.cot.filter;

/** One named rule over a candidate reply. Rules are pure: the same candidate gives the same verdict. */
public interface CotFilter {

    /** The rule's name as written in records and charts, e.g. {@code "step-cues"}. */
    String name();

    /** Measures the candidate and says whether it passes. */
    Verdict apply(Candidate c);
}
