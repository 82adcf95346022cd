package io.r1kit.scene.proposal;

/** Which Tribuo clusterer groups the pre-processed points into proposals. */
public enum ClusterMethod {
    /** Tribuo HDBSCAN: finds the number of objects itself and leaves sparse points as noise. */
    HDBSCAN,
    /** Tribuo k-means (k-means++ start): exactly {@link ProposalConfig#kmeansClusters()} groups, no noise. */
    KMEANS
}
