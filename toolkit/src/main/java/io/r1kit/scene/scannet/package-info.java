/**
 * ScanNet scans: the preprocessed VoteNet/LL3DA layout ({@code *_vert.npy} and friends), raw scans
 * ({@code *_vh_clean_2.ply} + aggregation + segments), and the ScanNet label maps.
 */
package io.r1kit.scene.scannet;
