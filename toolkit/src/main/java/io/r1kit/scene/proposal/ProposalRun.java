package io.r1kit.scene.proposal;

import io.r1kit.scene.SceneObject;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@link Proposals#run} produced and how: the proposals, the counts after each stage, the
 * planes found and the time each stage took.
 *
 * @param proposals        the object proposals, largest first, ids 1, 2, ...
 * @param points           scan points in
 * @param voxels           occupied voxels after down-sampling
 * @param outliers         voxels dropped as statistical outliers
 * @param planes           planes found by RANSAC, removed (floor, ceiling, wall) and kept (other)
 * @param structureVoxels  voxels removed with floor, ceiling and wall planes
 * @param clusters         clusters the clusterer found
 * @param dropped          clusters dropped for having fewer than {@code minProposalPoints} points
 * @param stageMillis      wall time per stage (voxel, outliers, planes, cluster, assign), in order
 */
public record ProposalRun(List<SceneObject> proposals, int points, int voxels, int outliers, List<Plane> planes,
                          int structureVoxels, int clusters, int dropped, Map<String, Double> stageMillis) {

    public ProposalRun {
        proposals = List.copyOf(proposals);
        planes = List.copyOf(planes);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
    }

    /** Number of removed planes of this kind. */
    public long planes(Plane.Kind kind) {
        return planes.stream().filter(p -> p.kind() == kind).count();
    }

    /** One line: how many proposals from what, e.g. for a scene note. */
    public String summary(ProposalConfig cfg) {
        return String.format(Locale.ROOT,
                "%d object proposals from %,d points (%s, voxel %.2f m; %,d voxels, %d outliers, floor %d, walls %d, "
                        + "ceiling %d removed; %d clusters, %d below %d points dropped)",
                proposals.size(), points, cfg.method(), cfg.voxelSize(), voxels, outliers, planes(Plane.Kind.FLOOR),
                planes(Plane.Kind.WALL), planes(Plane.Kind.CEILING), clusters, dropped, cfg.minProposalPoints());
    }
}
