package io.r1kit.scene.proposal;

import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Object proposals for scans without instance labels (3D-R1, Sec. 3: the model reasons over object
 * instances; a user's own scan has none, so they are proposed here).
 *
 * <p>Pipeline: down-sample to voxels ({@link ProposalConfig#voxelSize()}); drop statistical
 * outliers; remove floor, ceiling and walls by RANSAC ({@link PlaneRemoval} documents the rules);
 * cluster the remaining voxels with Tribuo on position, weighted colour and (when present) weighted
 * normals; give every scan point the cluster of its voxel, or of the nearest clustered voxel within
 * {@link ProposalConfig#assignDistance()}; drop clusters under {@link ProposalConfig#minProposalPoints()}
 * points; box each cluster tightly.
 *
 * <pre>{@code
 * Scene mine = Scenes.load(Path.of("room.ply"));                 // no objects
 * Scene withObjects = Proposals.propose(mine, ProposalConfig.defaults());
 * withObjects.objects();                                         // proposals labelled "object"
 * }</pre>
 */
public final class Proposals {

    /** Label of every proposal: they have no category. */
    public static final String LABEL = "object";

    private Proposals() {}

    /**
     * The scene itself when it has objects already; otherwise a copy with the proposals as its
     * objects (points, labels and source kept) and a note saying how many and from what.
     */
    public static Scene propose(Scene scene, ProposalConfig cfg) {
        if (!scene.objects().isEmpty()) {
            return scene;
        }
        ProposalRun run = run(scene, cfg);
        return scene.toBuilder().objects(run.proposals()).note(run.summary(cfg)).build();
    }

    /** The proposals alone, whatever objects the scene has (they are ignored). */
    public static List<SceneObject> find(Scene scene, ProposalConfig cfg) {
        return run(scene, cfg).proposals();
    }

    /** The same scene without objects and per-point labels: a labelled scan as a user's own scan would be. */
    public static Scene withoutObjects(Scene scene) {
        return scene.toBuilder().objects(List.of()).instanceLabels(null).semanticLabels(null).build();
    }

    /** Runs the pipeline and reports every stage. A scene with too few points gets no proposals. */
    public static ProposalRun run(Scene scene, ProposalConfig cfg) {
        PointCloud cloud = scene.points();
        Map<String, Double> ms = new LinkedHashMap<>();
        if (cloud.size() == 0) {
            return new ProposalRun(List.of(), 0, 0, 0, List.of(), 0, 0, 0, ms);
        }
        long t = System.nanoTime();
        Voxels vox = Voxels.of(cloud, cfg.voxelSize());
        t = lap(ms, "voxel", t);

        boolean[] alive = OutlierFilter.keep(vox.xyz(), new KdTree(vox.xyz()), cfg.outlierNeighbours(), cfg.outlierStdRatio());
        int outliers = vox.size() - count(alive);
        t = lap(ms, "outliers", t);

        int beforePlanes = count(alive);
        List<Plane> planes = PlaneRemoval.remove(vox.xyz(), alive, cfg);
        int structure = beforePlanes - count(alive);
        t = lap(ms, "planes", t);

        int[] rowVoxel = indices(alive);
        float[] rowXyz = new float[3 * rowVoxel.length];
        for (int r = 0; r < rowVoxel.length; r++) System.arraycopy(vox.xyz(), 3 * rowVoxel[r], rowXyz, 3 * r, 3);
        int[] rowLabel = Clusterer.cluster(features(vox, rowVoxel, cfg), rowXyz, cfg);
        int clusters = Arrays.stream(rowLabel).max().orElse(-1) + 1;
        t = lap(ms, "cluster", t);

        int[] voxelLabel = voxelLabels(vox, rowVoxel, rowLabel, cfg.assignDistance());
        List<int[]> members = members(vox.pointVoxel(), voxelLabel, clusters);
        float[] xyz = cloud.xyzArray();
        List<SceneObject> proposals = new ArrayList<>();
        members.sort(Comparator.comparingInt((int[] m) -> -m.length));
        int dropped = 0;
        for (int[] m : members) {
            if (m.length < cfg.minProposalPoints()) {
                dropped++;
                continue;
            }
            proposals.add(new SceneObject(proposals.size() + 1, LABEL, -1, Box3.around(xyz, m), m));
        }
        lap(ms, "assign", t);
        return new ProposalRun(proposals, cloud.size(), vox.size(), outliers, planes, structure, clusters, dropped, ms);
    }

    /** Feature rows: position (m), colour x colourWeight, normal x normalWeight / 2 (opposite normals differ by 2). */
    private static double[][] features(Voxels vox, int[] rowVoxel, ProposalConfig cfg) {
        boolean normals = vox.normals() != null && cfg.normalWeight() > 0;
        double[][] rows = new double[rowVoxel.length][normals ? 9 : 6];
        for (int r = 0; r < rowVoxel.length; r++) {
            int v = rowVoxel[r];
            for (int a = 0; a < 3; a++) {
                rows[r][a] = vox.xyz()[3 * v + a];
                rows[r][3 + a] = cfg.colourWeight() * vox.rgb()[3 * v + a];
                if (normals) {
                    rows[r][6 + a] = cfg.normalWeight() / 2 * vox.normals()[3 * v + a];
                }
            }
        }
        return rows;
    }

    /** Cluster per voxel: its own, else the nearest clustered voxel's within {@code reach}, else -1. */
    private static int[] voxelLabels(Voxels vox, int[] rowVoxel, int[] rowLabel, double reach) {
        int[] label = new int[vox.size()];
        Arrays.fill(label, -1);
        int clustered = 0;
        for (int r = 0; r < rowVoxel.length; r++) {
            label[rowVoxel[r]] = rowLabel[r];
            if (rowLabel[r] >= 0) clustered++;
        }
        if (clustered == 0) {
            return label;
        }
        float[] anchors = new float[3 * clustered];
        int[] anchorLabel = new int[clustered];
        for (int r = 0, k = 0; r < rowVoxel.length; r++) {
            if (rowLabel[r] >= 0) {
                System.arraycopy(vox.xyz(), 3 * rowVoxel[r], anchors, 3 * k, 3);
                anchorLabel[k++] = rowLabel[r];
            }
        }
        KdTree tree = new KdTree(anchors);
        int[] nearest = new int[1];
        float[] d2 = new float[1];
        for (int r = 0; r < rowVoxel.length; r++) {
            if (rowLabel[r] >= 0) continue;
            int v = rowVoxel[r];
            tree.nearest(vox.xyz()[3 * v], vox.xyz()[3 * v + 1], vox.xyz()[3 * v + 2], 1, -1, nearest, d2);
            if (d2[0] <= reach * reach) {
                label[v] = anchorLabel[nearest[0]];
            }
        }
        return label;
    }

    /** Scan point indices per cluster. */
    private static List<int[]> members(int[] pointVoxel, int[] voxelLabel, int clusters) {
        int[] sizes = new int[clusters];
        for (int v : pointVoxel) if (voxelLabel[v] >= 0) sizes[voxelLabel[v]]++;
        List<int[]> out = new ArrayList<>();
        int[][] arrays = new int[clusters][];
        for (int c = 0; c < clusters; c++) arrays[c] = new int[sizes[c]];
        int[] fill = new int[clusters];
        for (int i = 0; i < pointVoxel.length; i++) {
            int c = voxelLabel[pointVoxel[i]];
            if (c >= 0) arrays[c][fill[c]++] = i;
        }
        for (int[] a : arrays) if (a.length > 0) out.add(a);
        return out;
    }

    private static long lap(Map<String, Double> ms, String stage, long start) {
        long now = System.nanoTime();
        ms.put(stage, (now - start) / 1e6);
        return now;
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) if (f) c++;
        return c;
    }

    private static int[] indices(boolean[] flags) {
        int[] out = new int[count(flags)];
        for (int i = 0, k = 0; i < flags.length; i++) if (flags[i]) out[k++] = i;
        return out;
    }
}
