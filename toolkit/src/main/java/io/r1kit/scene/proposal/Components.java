package io.r1kit.scene.proposal;

/**
 * Euclidean connected components: two points are linked when they lie within {@code link}
 * metres, and a component is everything reachable through links (union-find with path halving).
 * Once floor and walls are gone, furniture that stands apart falls into separate components, so
 * the quadratic clusterer only has to split what touches.
 */
final class Components {

    private Components() {}

    /**
     * Component id per point, dense from 0 in order of first appearance.
     *
     * @param xyz 3N coordinates
     */
    static int[] of(float[] xyz, double link) {
        int n = xyz.length / 3;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        KdTree tree = new KdTree(xyz);
        for (int i = 0; i < n; i++) {
            final int a = i;
            tree.withinRadius(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], link, b -> union(parent, a, b));
        }
        int[] id = new int[n];
        int[] dense = new int[n];
        java.util.Arrays.fill(dense, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (dense[r] < 0) dense[r] = next++;
            id[i] = dense[r];
        }
        return id;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
