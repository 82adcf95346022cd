package io.r1kit.scene.proposal;

import io.r1kit.scene.PointCloud;

import java.util.HashMap;
import java.util.Map;

/**
 * A point cloud down-sampled to one point per occupied voxel: the centroid, mean colour and mean
 * normal of the points in each voxel, plus which voxel every original point fell into, so that
 * results on voxels map back to the scan.
 *
 * <p>Arrays are flat: {@code xyz[3*v .. 3*v+2]} is voxel v (V = number of occupied voxels).
 *
 * @param xyz        3V centroids (m)
 * @param rgb        3V mean colours in [0, 1]
 * @param normals    3V unit mean normals, or {@code null} when the cloud has none
 * @param pointVoxel N entries: the voxel of each original point
 * @param counts     V entries: how many original points each voxel holds
 */
record Voxels(float[] xyz, float[] rgb, float[] normals, int[] pointVoxel, int[] counts) {

    int size() { return counts.length; }

    /** Groups the points of {@code cloud} into cubes of edge {@code size} metres aligned on the cloud's minimum. */
    static Voxels of(PointCloud cloud, double size) {
        int n = cloud.size();
        float[] p = cloud.xyzArray();
        float[] c = cloud.rgbArray();
        float[] nr = cloud.normalsArray();
        float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
        for (int i = 0; i < p.length; i++) {
            min[i % 3] = Math.min(min[i % 3], p[i]);
        }
        Map<Long, Integer> index = new HashMap<>();
        int[] pointVoxel = new int[n];
        for (int i = 0; i < n; i++) {
            // 21 bits per axis: 2^21 voxels of >= 5 mm cover 10 km, far beyond any room.
            long key = 0;
            for (int a = 0; a < 3; a++) {
                long cell = (long) Math.floor((p[3 * i + a] - min[a]) / size);
                key = (key << 21) | (cell & 0x1FFFFF);
            }
            Integer v = index.putIfAbsent(key, index.size());
            pointVoxel[i] = v == null ? index.size() - 1 : v;
        }
        int m = index.size();
        float[] xyz = new float[3 * m];
        float[] rgb = new float[3 * m];
        float[] normals = nr == null ? null : new float[3 * m];
        int[] counts = new int[m];
        for (int i = 0; i < n; i++) {
            int v = pointVoxel[i];
            counts[v]++;
            for (int a = 0; a < 3; a++) {
                xyz[3 * v + a] += p[3 * i + a];
                rgb[3 * v + a] += c[3 * i + a];
                if (normals != null) {
                    normals[3 * v + a] += nr[3 * i + a];
                }
            }
        }
        for (int v = 0; v < m; v++) {
            for (int a = 0; a < 3; a++) {
                xyz[3 * v + a] /= counts[v];
                rgb[3 * v + a] /= counts[v];
            }
            if (normals != null) {
                float len = (float) Math.sqrt(normals[3 * v] * normals[3 * v] + normals[3 * v + 1] * normals[3 * v + 1]
                        + normals[3 * v + 2] * normals[3 * v + 2]);
                for (int a = 0; a < 3 && len > 0; a++) {
                    normals[3 * v + a] /= len;
                }
            }
        }
        return new Voxels(xyz, rgb, normals, pointVoxel, counts);
    }
}
