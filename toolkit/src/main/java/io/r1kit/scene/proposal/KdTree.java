package io.r1kit.scene.proposal;

/**
 * A static 3D k-d tree over {@code xyz[3*i..3*i+2]} for k-nearest-neighbour and nearest-point
 * queries. Built once in O(n log² n) by median splits on the widest axis; queries descend to the
 * query's leaf and prune subtrees whose splitting plane is farther than the current k-th distance.
 */
final class KdTree {

    private static final int LEAF = 8;

    private final float[] xyz;
    /** Point ids, reordered so that every node owns a contiguous range {@code [lo, hi)} split at its middle. */
    private final int[] ids;
    /** The split axis of the node whose middle slot is this index (unused for leaf ranges). */
    private final byte[] splitAxis;
    private final int n;

    KdTree(float[] xyz) {
        this.xyz = xyz;
        this.n = xyz.length / 3;
        this.ids = new int[n];
        this.splitAxis = new byte[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        build(0, n);
    }

    int size() { return n; }

    private void build(int lo, int hi) {
        if (hi - lo <= LEAF) {
            return;
        }
        int axis = widestAxis(lo, hi);
        int mid = (lo + hi) >>> 1;
        splitAxis[mid] = (byte) axis;
        select(lo, hi - 1, mid, axis);
        build(lo, mid);
        build(mid + 1, hi);
    }

    private int widestAxis(int lo, int hi) {
        float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
        float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int k = lo; k < hi; k++) {
            for (int a = 0; a < 3; a++) {
                float v = xyz[3 * ids[k] + a];
                min[a] = Math.min(min[a], v);
                max[a] = Math.max(max[a], v);
            }
        }
        int best = 0;
        for (int a = 1; a < 3; a++) {
            if (max[a] - min[a] > max[best] - min[best]) {
                best = a;
            }
        }
        return best;
    }

    /** Quickselect: puts the point with rank {@code k} along {@code axis} at {@code k}. */
    private void select(int lo, int hi, int k, int axis) {
        while (lo < hi) {
            float pivot = xyz[3 * ids[(lo + hi) >>> 1] + axis];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (xyz[3 * ids[i] + axis] < pivot) i++;
                while (xyz[3 * ids[j] + axis] > pivot) j--;
                if (i <= j) {
                    int t = ids[i]; ids[i] = ids[j]; ids[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /**
     * The {@code k} nearest points to {@code (x, y, z)}, nearest first, skipping point {@code exclude}
     * (use -1 to keep all). Returns fewer when the tree holds fewer points.
     *
     * @param dist2 receives the squared distances, same order; length at least k
     */
    int nearest(float x, float y, float z, int k, int exclude, int[] out, float[] dist2) {
        Heap h = new Heap(k);
        search(0, n, x, y, z, exclude, h);
        return h.drainSorted(out, dist2);
    }

    /** The nearest point to {@code (x, y, z)}, or -1 when the tree is empty. */
    int nearest(float x, float y, float z) {
        int[] out = new int[1];
        return nearest(x, y, z, 1, -1, out, new float[1]) == 1 ? out[0] : -1;
    }

    /** Calls {@code visit} with every point within {@code r} of {@code (x, y, z)}, in no particular order. */
    void withinRadius(float x, float y, float z, double r, java.util.function.IntConsumer visit) {
        radius(0, n, x, y, z, r * r, visit);
    }

    private void radius(int lo, int hi, float x, float y, float z, double r2, java.util.function.IntConsumer visit) {
        if (hi - lo <= LEAF) {
            for (int k = lo; k < hi; k++) {
                if (dist2(ids[k], x, y, z) <= r2) visit.accept(ids[k]);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int axis = splitAxis[mid];
        float d = (axis == 0 ? x : axis == 1 ? y : z) - xyz[3 * ids[mid] + axis];
        if (dist2(ids[mid], x, y, z) <= r2) visit.accept(ids[mid]);
        if (d <= 0 || d * d <= r2) radius(lo, mid, x, y, z, r2, visit);
        if (d >= 0 || d * d <= r2) radius(mid + 1, hi, x, y, z, r2, visit);
    }

    private float dist2(int i, float x, float y, float z) {
        float dx = xyz[3 * i] - x;
        float dy = xyz[3 * i + 1] - y;
        float dz = xyz[3 * i + 2] - z;
        return dx * dx + dy * dy + dz * dz;
    }

    private void search(int lo, int hi, float x, float y, float z, int exclude, Heap h) {
        if (hi - lo <= LEAF) {
            for (int k = lo; k < hi; k++) {
                offer(ids[k], x, y, z, exclude, h);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int p = ids[mid];
        int axis = splitAxis[mid];
        float q = axis == 0 ? x : axis == 1 ? y : z;
        float d = q - xyz[3 * p + axis];
        offer(p, x, y, z, exclude, h);
        if (d < 0) {
            search(lo, mid, x, y, z, exclude, h);
            if (d * d < h.worst()) search(mid + 1, hi, x, y, z, exclude, h);
        } else {
            search(mid + 1, hi, x, y, z, exclude, h);
            if (d * d < h.worst()) search(lo, mid, x, y, z, exclude, h);
        }
    }

    private void offer(int i, float x, float y, float z, int exclude, Heap h) {
        if (i == exclude) {
            return;
        }
        h.offer(i, dist2(i, x, y, z));
    }

    /** A bounded max-heap of the k best (smallest) squared distances seen so far. */
    private static final class Heap {
        final int[] idx;
        final float[] d;
        int size;

        Heap(int k) {
            idx = new int[k];
            d = new float[k];
        }

        float worst() {
            return size < d.length ? Float.MAX_VALUE : d[0];
        }

        void offer(int i, float dist) {
            if (size < d.length) {
                idx[size] = i;
                d[size] = dist;
                up(size++);
            } else if (dist < d[0]) {
                idx[0] = i;
                d[0] = dist;
                down(0);
            }
        }

        private void up(int c) {
            while (c > 0) {
                int p = (c - 1) / 2;
                if (d[p] >= d[c]) return;
                swap(p, c);
                c = p;
            }
        }

        private void down(int p) {
            while (true) {
                int l = 2 * p + 1;
                int big = p;
                if (l < size && d[l] > d[big]) big = l;
                if (l + 1 < size && d[l + 1] > d[big]) big = l + 1;
                if (big == p) return;
                swap(p, big);
                p = big;
            }
        }

        private void swap(int a, int b) {
            int ti = idx[a]; idx[a] = idx[b]; idx[b] = ti;
            float td = d[a]; d[a] = d[b]; d[b] = td;
        }

        int drainSorted(int[] out, float[] dist2) {
            int m = size;
            for (int k = m - 1; k >= 0; k--) {
                out[k] = idx[0];
                dist2[k] = d[0];
                swap(0, --size);
                down(0);
            }
            return m;
        }
    }

}
