package io.r1kit.scene.proposal;

import com.google.gson.Gson;

/**
 * Settings of {@link Proposals}; immutable, checked on construction, lengths in metres. Start from
 * {@link #defaults()} (tuned on the shared ScanNet scan, indoor rooms in metres) and change a field
 * with a {@code withX} method.
 *
 * <pre>{@code
 * ProposalConfig cfg = ProposalConfig.defaults().withVoxelSize(0.08).withMinClusterSize(6);
 * }</pre>
 *
 * @param voxelSize          edge of the down-sampling voxels (m); clustering runs on one point per voxel
 * @param outlierNeighbours  k of the statistical outlier filter: a voxel's mean distance to its k nearest voxels
 * @param outlierStdRatio    a voxel is an outlier when that mean exceeds the scene's mean by this many standard deviations
 * @param planeDistance      RANSAC inlier band: largest distance (m) of a point from a floor or wall plane
 * @param planeIterations    RANSAC samples (three points each) per plane search
 * @param maxPlanes          most plane searches; each finds the largest remaining plane
 * @param minPlaneFraction   a plane must hold at least this fraction of the down-sampled points to be considered
 * @param planeAngleDegrees  tolerance (degrees) for a plane to count as horizontal (floor, ceiling) or vertical (wall)
 * @param floorBand          a horizontal plane is the floor (or ceiling) when it lies within this height (m) of the
 *                           scene's lowest (highest) level, the 1st (99th) height percentile
 * @param wallOutsideFraction a vertical plane is a wall when at most this fraction of the points lies outside it
 * @param seed               seed of RANSAC and k-means, so that proposals are reproducible
 * @param method             clusterer
 * @param colourWeight       metres that a full colour difference (0..1 per channel) counts in the clustering distance
 * @param normalWeight       metres that opposite normals count (used only when the scan has normals)
 * @param linkDistance       voxels closer than this (m) belong to one connected component; HDBSCAN runs inside
 *                           each component, so objects standing apart never merge and the quadratic step stays small
 * @param minClusterSize     HDBSCAN's smallest cluster, in voxels; smaller components are noise
 * @param neighbours         HDBSCAN's k for core distances (how dense a point's neighbourhood must be)
 * @param kmeansClusters     number of clusters for {@link ClusterMethod#KMEANS}
 * @param assignDistance     scan points not clustered themselves join the cluster of the nearest clustered voxel
 *                           within this distance (m); farther ones stay unassigned
 * @param minProposalPoints  proposals with fewer scan points are dropped
 */
public record ProposalConfig(double voxelSize, int outlierNeighbours, double outlierStdRatio,
                             double planeDistance, int planeIterations, int maxPlanes, double minPlaneFraction,
                             double planeAngleDegrees, double floorBand, double wallOutsideFraction, long seed,
                             ClusterMethod method, double colourWeight, double normalWeight, double linkDistance,
                             int minClusterSize,
                             int neighbours, int kmeansClusters, double assignDistance, int minProposalPoints) {

    public ProposalConfig {
        if (!(voxelSize >= 0.005 && voxelSize <= 1)) {
            throw new IllegalArgumentException("voxelSize " + voxelSize + " m is outside [0.005, 1]; indoor scans want 0.02..0.2");
        }
        if (outlierNeighbours < 1 || outlierNeighbours > 100) {
            throw new IllegalArgumentException("outlierNeighbours " + outlierNeighbours + " is outside 1..100");
        }
        if (!(outlierStdRatio > 0)) {
            throw new IllegalArgumentException("outlierStdRatio " + outlierStdRatio
                    + " must be > 0; use a large value (e.g. 100) to keep every point");
        }
        if (!(planeDistance > 0 && planeDistance <= 0.5)) {
            throw new IllegalArgumentException("planeDistance " + planeDistance + " m is outside (0, 0.5]");
        }
        if (planeIterations < 1 || maxPlanes < 0) {
            throw new IllegalArgumentException("planeIterations " + planeIterations + " must be >= 1 and maxPlanes "
                    + maxPlanes + " >= 0 (0 keeps floors and walls)");
        }
        if (!(minPlaneFraction > 0 && minPlaneFraction < 1)) {
            throw new IllegalArgumentException("minPlaneFraction " + minPlaneFraction + " is outside (0, 1)");
        }
        if (!(planeAngleDegrees > 0 && planeAngleDegrees < 45)) {
            throw new IllegalArgumentException("planeAngleDegrees " + planeAngleDegrees
                    + " is outside (0, 45): a plane cannot be both near horizontal and near vertical");
        }
        if (!(floorBand >= 0) || !(wallOutsideFraction >= 0 && wallOutsideFraction < 1)) {
            throw new IllegalArgumentException("floorBand " + floorBand + " m must be >= 0 and wallOutsideFraction "
                    + wallOutsideFraction + " in [0, 1)");
        }
        if (method == null) {
            throw new IllegalArgumentException("method is missing; use HDBSCAN or KMEANS");
        }
        if (!(colourWeight >= 0) || !(normalWeight >= 0)) {
            throw new IllegalArgumentException("colourWeight " + colourWeight + " and normalWeight " + normalWeight
                    + " must be >= 0 (0 clusters on position alone)");
        }
        if (!(linkDistance > 0 && linkDistance <= 1)) {
            throw new IllegalArgumentException("linkDistance " + linkDistance
                    + " m is outside (0, 1]; take about 1.5 x voxelSize so that neighbouring voxels link");
        }
        if (minClusterSize < 2 || neighbours < 1) {
            throw new IllegalArgumentException("minClusterSize " + minClusterSize + " must be >= 2 and neighbours "
                    + neighbours + " >= 1");
        }
        if (kmeansClusters < 1) {
            throw new IllegalArgumentException("kmeansClusters " + kmeansClusters + " must be >= 1");
        }
        if (!(assignDistance >= 0) || minProposalPoints < 1) {
            throw new IllegalArgumentException("assignDistance " + assignDistance + " m must be >= 0 and minProposalPoints "
                    + minProposalPoints + " >= 1");
        }
    }

    /** The defaults, tuned on the shared ScanNet scan ({@code docs/scenes-and-rendering.md}, "Object proposals"). */
    public static ProposalConfig defaults() {
        return new ProposalConfig(0.1, 8, 2.0, 0.05, 300, 12, 0.01, 10, 0.1, 0.05, 42L,
                ClusterMethod.HDBSCAN, 0.3, 0.2, 0.12, 20, 5, 20, 0.15, 30);
    }

    public ProposalConfig withVoxelSize(double v) {
        return new ProposalConfig(v, outlierNeighbours, outlierStdRatio, planeDistance, planeIterations, maxPlanes,
                minPlaneFraction, planeAngleDegrees, floorBand, wallOutsideFraction, seed, method, colourWeight,
                normalWeight, linkDistance, minClusterSize, neighbours, kmeansClusters, assignDistance, minProposalPoints);
    }

    public ProposalConfig withOutliers(int k, double stdRatio) {
        return new ProposalConfig(voxelSize, k, stdRatio, planeDistance, planeIterations, maxPlanes,
                minPlaneFraction, planeAngleDegrees, floorBand, wallOutsideFraction, seed, method, colourWeight,
                normalWeight, linkDistance, minClusterSize, neighbours, kmeansClusters, assignDistance, minProposalPoints);
    }

    /** Plane search: inlier band (m), most planes (0 keeps floor and walls), smallest plane fraction. */
    public ProposalConfig withPlanes(double distance, int max, double minFraction) {
        return new ProposalConfig(voxelSize, outlierNeighbours, outlierStdRatio, distance, planeIterations, max,
                minFraction, planeAngleDegrees, floorBand, wallOutsideFraction, seed, method, colourWeight,
                normalWeight, linkDistance, minClusterSize, neighbours, kmeansClusters, assignDistance, minProposalPoints);
    }

    public ProposalConfig withSeed(long s) {
        return new ProposalConfig(voxelSize, outlierNeighbours, outlierStdRatio, planeDistance, planeIterations, maxPlanes,
                minPlaneFraction, planeAngleDegrees, floorBand, wallOutsideFraction, s, method, colourWeight,
                normalWeight, linkDistance, minClusterSize, neighbours, kmeansClusters, assignDistance, minProposalPoints);
    }

    /** The clusterer; {@code kmeansClusters} matters only for {@link ClusterMethod#KMEANS}. */
    public ProposalConfig withMethod(ClusterMethod m, int kmeansK) {
        return new ProposalConfig(voxelSize, outlierNeighbours, outlierStdRatio, planeDistance, planeIterations, maxPlanes,
                minPlaneFraction, planeAngleDegrees, floorBand, wallOutsideFraction, seed, m, colourWeight,
                normalWeight, linkDistance, minClusterSize, neighbours, kmeansK, assignDistance, minProposalPoints);
    }

    /** Feature weights: metres per full colour difference and per opposite normals. */
    public ProposalConfig withWeights(double colour, double normal) {
        return new ProposalConfig(voxelSize, outlierNeighbours, outlierStdRatio, planeDistance, planeIterations, maxPlanes,
                minPlaneFraction, planeAngleDegrees, floorBand, wallOutsideFraction, seed, method, colour,
                normal, linkDistance, minClusterSize, neighbours, kmeansClusters, assignDistance, minProposalPoints);
    }

    /** Link distance (m) of the connected components that HDBSCAN splits. */
    public ProposalConfig withLinkDistance(double link) {
        return new ProposalConfig(voxelSize, outlierNeighbours, outlierStdRatio, planeDistance, planeIterations, maxPlanes,
                minPlaneFraction, planeAngleDegrees, floorBand, wallOutsideFraction, seed, method, colourWeight,
                normalWeight, link, minClusterSize, neighbours, kmeansClusters, assignDistance, minProposalPoints);
    }

    /** HDBSCAN's smallest cluster (voxels) and its core-distance k. */
    public ProposalConfig withHdbscan(int minSize, int k) {
        return new ProposalConfig(voxelSize, outlierNeighbours, outlierStdRatio, planeDistance, planeIterations, maxPlanes,
                minPlaneFraction, planeAngleDegrees, floorBand, wallOutsideFraction, seed, method, colourWeight,
                normalWeight, linkDistance, minSize, k, kmeansClusters, assignDistance, minProposalPoints);
    }

    /** Assignment distance (m) of unclustered points and the smallest proposal (scan points). */
    public ProposalConfig withAssignment(double distance, int minPoints) {
        return new ProposalConfig(voxelSize, outlierNeighbours, outlierStdRatio, planeDistance, planeIterations, maxPlanes,
                minPlaneFraction, planeAngleDegrees, floorBand, wallOutsideFraction, seed, method, colourWeight,
                normalWeight, linkDistance, minClusterSize, neighbours, kmeansClusters, distance, minPoints);
    }

    /** The config as JSON, field names as the record components. */
    public String toJson() {
        return new Gson().toJson(this);
    }

    /** Reads a config written by {@link #toJson()}; checks it like the constructor does. */
    public static ProposalConfig fromJson(String json) {
        ProposalConfig c;
        try {
            c = new Gson().fromJson(json, ProposalConfig.class);
        } catch (RuntimeException e) {
            // Gson wraps what the constructor rejects; report its reason, not the wrapper's.
            Throwable reason = e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException) {
                    reason = t;
                }
            }
            throw new IllegalArgumentException("proposal config JSON is not valid: " + reason.getMessage(), e);
        }
        if (c == null) {
            throw new IllegalArgumentException("proposal config JSON is empty");
        }
        return c;
    }
}
