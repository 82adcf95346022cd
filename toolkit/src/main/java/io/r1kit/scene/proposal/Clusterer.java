package io.r1kit.scene.proposal;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Clusters feature rows with Tribuo: HDBSCAN (Campello, Moulavi and Sander 2013; Tribuo's
 * {@link HdbscanTrainer} with a k-d tree for core distances) or k-means++.
 *
 * <p>Shapes: F = features per row (3 position + 3 colour [+ 3 normal]), R = rows (voxels).
 */
final class Clusterer {

    /** Tribuo logs every training at INFO through java.util.logging; the CLI's output must stay clean. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    static {
        TRIBUO.setLevel(Level.WARNING);
    }

    /**
     * Largest component HDBSCAN sees whole. Tribuo's HDBSCAN builds its minimum spanning tree over
     * all pairs (quadratic); a larger component is clustered on a seeded random sample of this
     * many rows and its other rows take the cluster of their nearest sampled row.
     */
    static final int MAX_HDBSCAN_ROWS = 2000;

    /**
     * A component whose horizontal footprint has a diagonal at most this long (m) is kept whole:
     * Tribuo's HDBSCAN never returns a single cluster (its excess-of-mass selection skips the
     * root), so it would cut one chair or crate into parts; what stands alone and is this small is
     * taken for one object, and only larger components (furniture touching) are split.
     */
    static final double WHOLE_OBJECT_EXTENT = 1.0;

    private Clusterer() {}

    /**
     * Cluster ids per row: 0, 1, 2, ... for clusters, -1 for noise.
     *
     * <p>HDBSCAN runs inside each connected component ({@link Components}, link
     * {@link ProposalConfig#linkDistance()}): a component it cannot split (all noise) stays one
     * cluster, components under {@code minClusterSize} rows are noise. k-means runs on all rows at once.
     *
     * @param rows R rows of F features each
     * @param xyz  3R positions of the rows (m)
     */
    static int[] cluster(double[][] rows, float[] xyz, ProposalConfig cfg) {
        int r = rows.length;
        int[] labels = new int[r];
        java.util.Arrays.fill(labels, -1);
        if (r == 0) {
            return labels;
        }
        if (cfg.method() == ClusterMethod.KMEANS) {
            return kmeans(rows, cfg);
        }
        int[] component = Components.of(xyz, cfg.linkDistance());
        int count = java.util.Arrays.stream(component).max().orElse(-1) + 1;
        int[] sizes = new int[count];
        for (int c : component) sizes[c]++;
        int next = 0;
        for (int c = 0; c < count; c++) {
            if (sizes[c] < cfg.minClusterSize()) continue;
            int[] members = new int[sizes[c]];
            for (int i = 0, k = 0; i < r; i++) if (component[i] == c) members[k++] = i;
            double[][] sub = new double[members.length][];
            for (int k = 0; k < members.length; k++) sub[k] = rows[members[k]];
            int[] local = footprint(xyz, members) <= WHOLE_OBJECT_EXTENT ? new int[members.length]
                    : members.length <= MAX_HDBSCAN_ROWS ? hdbscan(sub, cfg) : sampled(sub, xyz, members, cfg);
            int found = java.util.Arrays.stream(local).max().orElse(-1) + 1;
            for (int k = 0; k < members.length; k++) {
                // An unsplittable component is one object; otherwise its HDBSCAN noise stays noise.
                labels[members[k]] = found == 0 ? next : local[k] < 0 ? -1 : next + local[k];
            }
            next += Math.max(found, 1);
        }
        return labels;
    }

    /** Diagonal of the x-y bounding rectangle of the rows {@code members}. */
    private static double footprint(float[] xyz, int[] members) {
        float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (int m : members) {
            minX = Math.min(minX, xyz[3 * m]);
            maxX = Math.max(maxX, xyz[3 * m]);
            minY = Math.min(minY, xyz[3 * m + 1]);
            maxY = Math.max(maxY, xyz[3 * m + 1]);
        }
        return Math.hypot(maxX - minX, maxY - minY);
    }

    /** HDBSCAN on a sample of the component's rows; the rest copy their nearest sampled row (by position). */
    private static int[] sampled(double[][] sub, float[] xyz, int[] members, ProposalConfig cfg) {
        int n = sub.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Random rnd = new java.util.Random(cfg.seed());
        for (int i = 0; i < MAX_HDBSCAN_ROWS; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        double[][] sample = new double[MAX_HDBSCAN_ROWS][];
        float[] sampleXyz = new float[3 * MAX_HDBSCAN_ROWS];
        for (int k = 0; k < MAX_HDBSCAN_ROWS; k++) {
            sample[k] = sub[order[k]];
            System.arraycopy(xyz, 3 * members[order[k]], sampleXyz, 3 * k, 3);
        }
        int[] sampleLabel = hdbscan(sample, cfg);
        KdTree tree = new KdTree(sampleXyz);
        int[] local = new int[n];
        for (int k = 0; k < n; k++) {
            int i = 3 * members[k];
            local[k] = sampleLabel[tree.nearest(xyz[i], xyz[i + 1], xyz[i + 2])];
        }
        return local;
    }

    private static int[] kmeans(double[][] rows, ProposalConfig cfg) {
        MutableDataset<ClusterID> data = dataset(rows);
        int k = Math.min(cfg.kmeansClusters(), rows.length);
        KMeansModel model = new KMeansTrainer(k, 50, new L2Distance(), KMeansTrainer.Initialisation.PLUSPLUS, 1,
                cfg.seed()).train(data);
        int[] labels = new int[rows.length];
        int i = 0;
        for (Example<ClusterID> e : data) {
            labels[i++] = model.predict(e).getOutput().getID();
        }
        return labels;
    }

    /** HDBSCAN ids 0, 1, ... or -1 for noise; all noise when there are too few rows to split. */
    private static int[] hdbscan(double[][] rows, ProposalConfig cfg) {
        int r = rows.length;
        int[] labels = new int[r];
        java.util.Arrays.fill(labels, -1);
        if (r < 2 * cfg.minClusterSize()) {
            return labels; // two clusters cannot fit: nothing to split
        }
        HdbscanTrainer trainer = new HdbscanTrainer(cfg.minClusterSize(), new L2Distance(),
                Math.min(cfg.neighbours(), r - 1), 1, NeighboursQueryFactoryType.KD_TREE);
        HdbscanModel model = trainer.train(dataset(rows));
        List<Integer> ids = model.getClusterLabels();
        // Tribuo numbers clusters from 1 and uses 0 for noise; make them dense from 0.
        java.util.Map<Integer, Integer> dense = new java.util.HashMap<>();
        for (int i = 0; i < r; i++) {
            int id = ids.get(i);
            labels[i] = id == 0 ? -1 : dense.computeIfAbsent(id, x -> dense.size());
        }
        return labels;
    }

    private static MutableDataset<ClusterID> dataset(double[][] rows) {
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("r1kit proposal features", factory), factory);
        int f = rows[0].length;
        String[] names = new String[f];
        for (int j = 0; j < f; j++) {
            names[j] = "f" + j; // single digits: Tribuo sorts names, and this keeps the column order
        }
        for (double[] row : rows) {
            data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
        }
        return data;
    }
}
