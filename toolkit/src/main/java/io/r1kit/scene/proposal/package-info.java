/**
 * Object proposals for scans without instance labels: voxel down-sampling, statistical outlier
 * removal and RANSAC floor/wall removal, then Tribuo HDBSCAN (or k-means) clustering of what is
 * left into {@link io.r1kit.scene.SceneObject}s with tight boxes. Entry point: {@link
 * io.r1kit.scene.proposal.Proposals}; quality against true boxes: {@link io.r1kit.scene.proposal.BoxMatcher}.
 */
package io.r1kit.scene.proposal;
