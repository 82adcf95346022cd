package io.r1kit.scene.scannet;

import io.r1kit.scene.Box3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Groups points by instance label and pairs instances with boxes that carry no instance id. */
final class InstancePoints {

    private InstancePoints() {}

    /** Point indices (ascending) for each instance label above 0; 0 and below mean "no instance". */
    static Map<Integer, int[]> group(int[] instanceLabels) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int label : instanceLabels) {
            if (label > 0) {
                counts.merge(label, 1, Integer::sum);
            }
        }
        Map<Integer, int[]> groups = new HashMap<>();
        counts.forEach((label, n) -> groups.put(label, new int[n]));
        Map<Integer, Integer> filled = new HashMap<>();
        for (int i = 0; i < instanceLabels.length; i++) {
            int label = instanceLabels[i];
            if (label > 0) {
                int at = filled.merge(label, 1, Integer::sum) - 1;
                groups.get(label)[at] = i;
            }
        }
        return groups;
    }

    /**
     * Pairs each box with at most one instance, greedily by highest IoU between the box and the box
     * around the instance's points, keeping pairs with IoU at least {@code minIou}; writes the paired
     * instance's points into {@code out[box]} and returns how many boxes were paired.
     */
    static int matchByOverlap(Box3[] boxes, Map<Integer, int[]> instances, float[] xyz, double minIou, int[][] out) {
        record Pair(int box, int instance, double iou) {}
        List<Pair> pairs = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : instances.entrySet()) {
            Box3 around = Box3.around(xyz, e.getValue());
            for (int b = 0; b < boxes.length; b++) {
                double iou = boxes[b].iou(around);
                if (iou >= minIou) {
                    pairs.add(new Pair(b, e.getKey(), iou));
                }
            }
        }
        // Highest overlap first; ties broken by box then instance so the result never depends on map order.
        pairs.sort((p, q) -> p.iou != q.iou ? Double.compare(q.iou, p.iou)
                : p.box != q.box ? Integer.compare(p.box, q.box) : Integer.compare(p.instance, q.instance));
        boolean[] boxTaken = new boolean[boxes.length];
        Map<Integer, Boolean> instanceTaken = new HashMap<>();
        int matched = 0;
        for (Pair p : pairs) {
            if (!boxTaken[p.box] && instanceTaken.putIfAbsent(p.instance, true) == null) {
                boxTaken[p.box] = true;
                out[p.box] = Arrays.copyOf(instances.get(p.instance), instances.get(p.instance).length);
                matched++;
            }
        }
        return matched;
    }
}
