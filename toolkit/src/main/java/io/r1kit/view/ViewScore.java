package io.r1kit.view;

/**
 * The scores of one candidate view (paper §3, Eq. 6): {@code utility = w_t * text + w_c * coverage
 * + w_clip * clip}. See {@link ViewScorer} for exactly how each score is computed.
 *
 * @param candidate     candidate index (see {@link CandidateViews})
 * @param azimuth       degrees counter-clockwise from +x
 * @param elevation     degrees above the horizontal
 * @param text          S_text in [0, 1]
 * @param coverage      S_coverage in [0, 1]
 * @param clip          S_clip in [0, 1] (the toolkit's image–text stand-in)
 * @param utility       U(v)
 * @param targetPixels  pixels of the scoring render that show an object the query names
 * @param objectsSeen   objects with at least {@code minPixels} pixels in the scoring render
 */
public record ViewScore(int candidate, double azimuth, double elevation, double text, double coverage, double clip,
                        double utility, int targetPixels, int objectsSeen) {}
