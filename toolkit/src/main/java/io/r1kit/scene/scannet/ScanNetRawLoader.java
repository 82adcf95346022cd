package io.r1kit.scene.scannet;

import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneFormatException;
import io.r1kit.scene.SceneLoader;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.SceneSource;
import io.r1kit.scene.ply.PlyData;
import io.r1kit.scene.ply.PlyReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads a raw ScanNet scan (format {@code "scannet-raw"}) from its folder or its
 * {@code <scan>_vh_clean_2.ply}: the mesh vertices are the points, {@code <scan>.txt}'s
 * {@code axisAlignment} (when present) is applied, and the aggregation's segment groups become
 * objects through the per-vertex segment ids.
 *
 * <p>Output: instance label {@code objectId + 1} per point (0 = no object); one {@link SceneObject}
 * per segment group with the same id, its raw label, its NYU40 id (via
 * {@code scannetv2-labels.combined.tsv} in the scan folder or its parent; -1 without it or for a
 * label the map lacks) and the tight box of its aligned points. Per-point semantic labels (NYU40 id,
 * 0 = none) are given only when the label map is there.
 *
 * <p>Decisions on imperfect annotations, all reported as notes rather than errors, since real
 * ScanNet aggregations have them: a segment listed by a group that no vertex has is ignored; a
 * segment listed by two groups stays with the first; a group repeating an earlier objectId, or
 * covering no vertex, yields no object. A segment file whose length differs from the vertex count
 * is an error: the labels could not be matched to points.
 *
 * <pre>{@code
 * Scene s = new ScanNetRawLoader().load(Path.of("scans/scene0000_00"));
 * }</pre>
 */
public final class ScanNetRawLoader implements SceneLoader {

    @Override
    public String format() {
        return "scannet-raw";
    }

    /** A scan folder, or a {@code _vh_clean_2.ply}, whose mesh and aggregation file both exist. */
    @Override
    public boolean accepts(Path path) {
        return ScanNetRawFiles.looksLikeScan(path);
    }

    @Override
    public Scene load(Path path) throws IOException {
        ScanNetRawFiles files = ScanNetRawFiles.locate(path);
        PlyData ply = PlyReader.read(files.ply());
        List<String> notes = new ArrayList<>(ply.notes());
        PointCloud raw = ply.points();
        float[] xyz = raw.xyzArray();
        float[] normals = raw.normalsArray();
        Optional<AxisAlignment> align = files.meta().isPresent() ? AxisAlignment.read(files.meta().get())
                : Optional.empty();
        if (align.isPresent()) {
            align.get().applyToPoints(xyz);
            if (normals != null) {
                align.get().applyToNormals(normals);
            }
        } else {
            notes.add(files.meta().map(m -> m.getFileName() + " has no axisAlignment line")
                    .orElse("no " + files.scanId() + ".txt") + "; points are not axis-aligned");
        }
        PointCloud points = new PointCloud(xyz, raw.rgbArray(), normals);

        int[] segOf = ScanNetAnnotations.segIndices(files.segments());
        if (segOf.length != points.size()) {
            throw new SceneFormatException(files.segments(), segOf.length + " segment indices for " + points.size()
                    + " vertices in " + files.ply().getFileName());
        }
        ScanNetLabels labels = labels(files, notes);
        Map<Integer, List<Integer>> vertsOfSeg = new HashMap<>();
        for (int v = 0; v < segOf.length; v++) {
            vertsOfSeg.computeIfAbsent(segOf[v], k -> new ArrayList<>()).add(v);
        }

        int[] instance = new int[points.size()];
        int[] semantic = new int[points.size()];
        List<SceneObject> objects = new ArrayList<>();
        Set<Integer> seenIds = new HashSet<>();
        Set<Integer> claimed = new HashSet<>();
        Set<String> unmapped = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (ScanNetAnnotations.SegGroup g : ScanNetAnnotations.segGroups(files.aggregation())) {
            int id = g.objectId() + 1;
            String what = "object " + g.objectId() + " (" + g.label() + ")";
            if (!seenIds.add(id)) {
                problems.add(what + " repeats an objectId; skipped");
                continue;
            }
            List<Integer> mine = new ArrayList<>();
            int missing = 0;
            int shared = 0;
            for (int s : g.segments()) {
                List<Integer> vs = vertsOfSeg.get(s);
                if (vs == null) {
                    missing++;
                } else if (!claimed.add(s)) {
                    shared++;
                } else {
                    mine.addAll(vs);
                }
            }
            if (missing > 0) {
                problems.add(what + " lists " + missing + " segment" + (missing == 1 ? "" : "s") + " no vertex has");
            }
            if (shared > 0) {
                problems.add(what + " lists " + shared + " segment" + (shared == 1 ? "" : "s")
                        + " of an earlier object; they stay with it");
            }
            if (mine.isEmpty()) {
                problems.add(what + " covers no vertex; skipped");
                continue;
            }
            int nyu = -1;
            if (labels != null) {
                nyu = labels.nyu40Id(g.label()).filter(ScanNetLabels::isNyu40).orElse(-1);
                if (nyu < 0) {
                    unmapped.add(g.label());
                }
            }
            int[] idx = mine.stream().mapToInt(Integer::intValue).sorted().toArray();
            for (int v : idx) {
                instance[v] = id;
                semantic[v] = Math.max(nyu, 0);
            }
            objects.add(new SceneObject(id, g.label(), nyu, Box3.around(xyz, idx), idx));
        }
        notes.addAll(problems);
        if (!unmapped.isEmpty()) {
            notes.add("labels not in " + ScanNetRawFiles.LABEL_MAP + " (semantic id -1): " + String.join(", ", unmapped));
        }
        return Scene.builder(files.scanId())
                .points(points)
                .instanceLabels(instance)
                .semanticLabels(labels == null ? null : semantic)
                .objects(objects)
                .source(new SceneSource(path, format(), notes))
                .build();
    }

    /** The label map, or {@code null} with a note when it is absent or unusable. */
    private static ScanNetLabels labels(ScanNetRawFiles files, List<String> notes) {
        if (files.labelMap().isEmpty()) {
            notes.add("no " + ScanNetRawFiles.LABEL_MAP + " in the scan folder or its parent;"
                    + " no semantic labels, object semantic ids are -1");
            return null;
        }
        try {
            return ScanNetLabels.read(files.labelMap().get());
        } catch (IOException e) {
            notes.add("label map unusable (" + e.getMessage() + "); no semantic labels, object semantic ids are -1");
            return null;
        }
    }
}
