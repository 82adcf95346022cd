package io.r1kit.view;

import com.google.gson.Gson;

import java.util.List;

/**
 * Settings of dynamic view selection (paper §3, Eq. 6–7). Immutable; {@link #defaults()} holds
 * every default (the paper's best weights and k), the constructor explains what is wrong.
 *
 * @param azimuths       cameras per ring, evenly spaced in azimuth starting at +x (0 degrees)
 * @param elevations     one ring per elevation, degrees above the horizontal, in (0, 90]
 * @param distanceFactor camera distance as a multiple of the distance at which the scene's bounding
 *                       sphere just fits the image (&lt; 1 comes closer and crops the edges)
 * @param fov            vertical field of view in degrees
 * @param scoringSize    side in pixels of the square renders the scores are computed on
 * @param imageSize      side in pixels of the chosen views rendered for display
 * @param k              number of views chosen (paper: 6)
 * @param wText          weight w_t of S_text (paper: 0.3)
 * @param wCoverage      weight w_c of S_coverage (paper: 0.5)
 * @param wClip          weight w_clip of S_clip (paper: 0.5)
 * @param minPixels      an object counts as seen in a scoring render when it shows at least this many pixels
 */
public record ViewSelectionConfig(int azimuths, List<Double> elevations, double distanceFactor, double fov,
                                  int scoringSize, int imageSize, int k, double wText, double wCoverage,
                                  double wClip, int minPixels) {

    public ViewSelectionConfig {
        if (azimuths < 1 || azimuths > 360) {
            throw new IllegalArgumentException("azimuths " + azimuths + " must be in 1..360 cameras per ring");
        }
        if (elevations == null || elevations.isEmpty()) {
            throw new IllegalArgumentException("elevations must list at least one angle, e.g. [35, 60]");
        }
        for (Double e : elevations) {
            if (e == null || !(e > 0 && e <= 90)) {
                throw new IllegalArgumentException("elevation " + e + " must be in (0, 90] degrees above the horizontal");
            }
        }
        elevations = List.copyOf(elevations);
        if (!(distanceFactor > 0 && distanceFactor <= 10)) {
            throw new IllegalArgumentException("distanceFactor " + distanceFactor + " must be in (0, 10]");
        }
        if (!(fov >= 10 && fov <= 150)) {
            throw new IllegalArgumentException("fov " + fov + " must be in [10, 150] degrees");
        }
        if (scoringSize < 16 || scoringSize > 2048 || imageSize < 16 || imageSize > 4096) {
            throw new IllegalArgumentException("scoringSize " + scoringSize + " must be in 16..2048 and imageSize "
                    + imageSize + " in 16..4096 pixels");
        }
        int candidates = azimuths * elevations.size();
        if (k < 1 || k > candidates) {
            throw new IllegalArgumentException("k " + k + " must be in 1.." + candidates + " (the number of candidates)");
        }
        for (double w : new double[] {wText, wCoverage, wClip}) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got w_t " + wText + ", w_c "
                        + wCoverage + ", w_clip " + wClip);
            }
        }
        if (wText + wCoverage + wClip == 0) {
            throw new IllegalArgumentException("at least one of w_t, w_c, w_clip must be > 0");
        }
        if (minPixels < 1) {
            throw new IllegalArgumentException("minPixels " + minPixels + " must be at least 1");
        }
    }

    /**
     * 24 candidates (12 azimuths x elevations 35 and 60 degrees) at 0.8 of the fitting distance,
     * 60 degree field of view, scored on 128x128 renders, k = 6 shown at 320x320, the paper's best
     * weights w_t 0.3, w_c 0.5, w_clip 0.5, seen = at least 8 pixels.
     */
    public static ViewSelectionConfig defaults() {
        return new ViewSelectionConfig(12, List.of(35.0, 60.0), 0.8, 60, 128, 320, 6, 0.3, 0.5, 0.5, 8);
    }

    /** Number of candidate views: azimuths x elevations. */
    public int candidateCount() {
        return azimuths * elevations.size();
    }

    public ViewSelectionConfig withK(int newK) {
        return new ViewSelectionConfig(azimuths, elevations, distanceFactor, fov, scoringSize, imageSize, newK,
                wText, wCoverage, wClip, minPixels);
    }

    public ViewSelectionConfig withWeights(double t, double c, double clip) {
        return new ViewSelectionConfig(azimuths, elevations, distanceFactor, fov, scoringSize, imageSize, k,
                t, c, clip, minPixels);
    }

    public ViewSelectionConfig withImageSize(int size) {
        return new ViewSelectionConfig(azimuths, elevations, distanceFactor, fov, scoringSize, size, k,
                wText, wCoverage, wClip, minPixels);
    }

    public String toJson() {
        return new Gson().toJson(this);
    }

    /** Reads a config written by {@link #toJson()}; checks it like the constructor does. */
    public static ViewSelectionConfig fromJson(String json) {
        ViewSelectionConfig c;
        try {
            c = new Gson().fromJson(json, ViewSelectionConfig.class);
        } catch (RuntimeException e) {
            // Gson wraps what the constructor rejects; report its reason, not the wrapper's.
            Throwable reason = e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException) {
                    reason = t;
                }
            }
            throw new IllegalArgumentException("view selection config JSON is not valid: " + reason.getMessage(), e);
        }
        if (c == null) {
            throw new IllegalArgumentException("view selection config JSON is empty");
        }
        return c;
    }
}
