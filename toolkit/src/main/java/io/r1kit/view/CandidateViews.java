package io.r1kit.view;

import io.r1kit.render.Camera;
import io.r1kit.scene.Box3;

import java.util.ArrayList;
import java.util.List;

/**
 * The candidate cameras of view selection, placed uniformly around the scene (paper §3): one ring
 * per elevation, {@code azimuths} cameras per ring 360/azimuths degrees apart, all looking at the
 * centre of the scene bounds. Candidate {@code n} is ring {@code n / azimuths} (elevation order of
 * the config), azimuth {@code (n % azimuths) * 360 / azimuths} degrees counter-clockwise from +x.
 */
public final class CandidateViews {

    private CandidateViews() {}

    /** All candidates at {@code size x size} pixels. */
    public static List<Camera> ring(Box3 bounds, ViewSelectionConfig config, int size) {
        List<Camera> cams = new ArrayList<>();
        for (int n = 0; n < config.candidateCount(); n++) {
            cams.add(candidate(bounds, config, n, size));
        }
        return cams;
    }

    /** Candidate {@code n} at {@code size x size} pixels. */
    public static Camera candidate(Box3 bounds, ViewSelectionConfig config, int n, int size) {
        if (n < 0 || n >= config.candidateCount()) {
            throw new IllegalArgumentException("view " + n + " does not exist: candidates are 0.."
                    + (config.candidateCount() - 1));
        }
        double distance = config.distanceFactor() * Camera.fitDistance(bounds, config.fov(), size, size);
        return Camera.orbit(bounds, azimuth(config, n), elevation(config, n), distance, config.fov(), size, size);
    }

    /** Azimuth of candidate {@code n}, degrees. */
    public static double azimuth(ViewSelectionConfig config, int n) {
        return (n % config.azimuths()) * 360.0 / config.azimuths();
    }

    /** Elevation of candidate {@code n}, degrees. */
    public static double elevation(ViewSelectionConfig config, int n) {
        return config.elevations().get(n / config.azimuths());
    }
}
