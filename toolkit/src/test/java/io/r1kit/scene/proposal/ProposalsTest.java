package io.r1kit.scene.proposal;

import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProposalsTest {

    private static final Box3 CRATE = Box3.ofMinMax(1, 1, 0, 1.6f, 1.6f, 0.6f);
    private static final Box3 STOOL = Box3.ofMinMax(2.5f, 2.6f, 0, 3f, 3.1f, 0.5f);

    /** A 4 m square room: floor, walls on x = 0 and y = 0, a grey crate and a red stool, 4 cm point spacing. */
    static Scene room() {
        List<float[]> pts = new ArrayList<>();
        List<float[]> cols = new ArrayList<>();
        float s = 0.04f;
        for (float a = 0; a <= 4; a += s) {
            for (float b = 0; b <= 4; b += s) {
                add(pts, cols, a, b, 0, 0.6f);                  // floor
            }
            for (float h = s; h <= 2.5f; h += s) {
                add(pts, cols, 0, a, h, 0.9f);                  // wall x = 0
                add(pts, cols, a, 0, h, 0.9f);                  // wall y = 0
            }
        }
        surface(pts, cols, CRATE, s, 0.5f, 0.5f, 0.5f);
        surface(pts, cols, STOOL, s, 0.8f, 0.1f, 0.1f);
        float[] xyz = new float[3 * pts.size()];
        float[] rgb = new float[3 * pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            System.arraycopy(pts.get(i), 0, xyz, 3 * i, 3);
            System.arraycopy(cols.get(i), 0, rgb, 3 * i, 3);
        }
        return Scene.builder("two-boxes").points(new PointCloud(xyz, rgb, null)).build();
    }

    private static void add(List<float[]> pts, List<float[]> cols, float x, float y, float z, float grey) {
        pts.add(new float[] {x, y, z});
        cols.add(new float[] {grey, grey, grey});
    }

    /** The four sides and the top of a box (its bottom stands on the floor). */
    private static void surface(List<float[]> pts, List<float[]> cols, Box3 b, float s, float r, float g, float bl) {
        for (float u = 0; u <= 1.0001f; u += s / Math.max(b.dx(), b.dy())) {
            for (float v = 0; v <= 1.0001f; v += s / Math.max(b.dz(), b.dy())) {
                float x = b.minX() + u * b.dx();
                float y = b.minY() + u * b.dy();
                float z = b.minZ() + v * b.dz();
                float yy = b.minY() + v * b.dy();
                for (float[] p : new float[][] {{x, b.minY(), z}, {x, b.maxY(), z}, {b.minX(), y, z}, {b.maxX(), y, z},
                        {x, yy, b.maxZ()}}) {
                    pts.add(p);
                    cols.add(new float[] {r, g, bl});
                }
            }
        }
    }

    @Test
    void floorAndWallsGoAndEachBoxBecomesOneProposal() {
        Scene scene = room();
        ProposalRun run = Proposals.run(scene, ProposalConfig.defaults());
        assertEquals(1, run.planes(Plane.Kind.FLOOR), run.planes().toString());
        assertEquals(2, run.planes(Plane.Kind.WALL), run.planes().toString());
        assertEquals(2, run.proposals().size(), run.proposals().toString());
        BoxMatcher.Result r = BoxMatcher.match(run.proposals().stream().map(SceneObject::box).toList(),
                List.of(CRATE, STOOL), 0.7);
        assertEquals(1.0, r.recall(), run.proposals().toString());
        float[] xyz = scene.points().xyzArray();
        for (SceneObject o : run.proposals()) {
            assertEquals(Proposals.LABEL, o.label());
            assertEquals(-1, o.semanticId());
            assertEquals(Box3.around(xyz, o.pointIndices()), o.box());
        }
    }

    @Test
    void proposeKeepsTheScanAndAddsANote() {
        Scene scene = room();
        Scene proposed = Proposals.propose(scene, ProposalConfig.defaults());
        assertEquals(2, proposed.objects().size());
        assertEquals(scene.points().size(), proposed.points().size());
        assertTrue(proposed.source().notes().get(0).startsWith("2 object proposals from " + String.format("%,d", scene.points().size())
                + " points (HDBSCAN, voxel 0.10 m;"), proposed.source().notes().toString());
        assertSame(proposed, Proposals.propose(proposed, ProposalConfig.defaults())); // has objects: unchanged
    }

    @Test
    void kmeansGivesAtMostKProposals() {
        ProposalRun run = Proposals.run(room(), ProposalConfig.defaults().withMethod(ClusterMethod.KMEANS, 2));
        assertEquals(2, run.clusters());
        assertTrue(run.proposals().size() <= 2);
    }

    @Test
    void aFewPointsGiveNoProposals() {
        float[] xyz = {0, 0, 0, 1, 0, 0, 0, 1, 0};
        Scene tiny = Scene.builder("tiny").points(new PointCloud(xyz, new float[9], null)).build();
        assertEquals(List.of(), Proposals.find(tiny, ProposalConfig.defaults()));
        Scene empty = Scene.builder("empty").points(new PointCloud(new float[0], new float[0], null)).build();
        assertEquals(List.of(), Proposals.find(empty, ProposalConfig.defaults()));
    }
}
