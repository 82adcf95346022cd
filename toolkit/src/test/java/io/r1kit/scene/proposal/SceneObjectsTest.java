package io.r1kit.scene.proposal;

import io.r1kit.SharedData;
import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.load.Scenes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneObjectsTest {

    private static Scene scan;

    @BeforeAll
    static void load() throws Exception {
        scan = Scenes.load(SharedData.path("scannet/scene0000_02_vert.npy"));
    }

    @Test
    void aSceneWithObjectsIsUntouched() {
        SceneObjects r = SceneObjects.resolve(scan);
        assertSame(scan, r.scene());
        assertFalse(r.proposed());
        assertEquals(28, r.count());
        assertEquals("28 labelled", r.describe());
    }

    @Test
    void theScanWithoutLabelsGetsTheSameProposalsEveryTime() {
        Scene bare = Proposals.withoutObjects(scan);
        SceneObjects first = SceneObjects.resolve(bare);
        SceneObjects second = SceneObjects.resolve(bare);
        assertTrue(first.proposed());
        assertTrue(first.count() > 0);
        assertEquals(first.scene().objects(), second.scene().objects(), "proposals are seeded");
        assertEquals(Proposals.find(bare, ProposalConfig.defaults()), first.scene().objects());
        assertEquals(first.count() + " proposals (the scene has no labelled objects)", first.describe());
        assertSame(bare.points(), first.scene().points(), "points are kept");
        SceneObject o = first.scene().objects().get(2);
        assertEquals(3, o.id());
        assertEquals("object 3", SceneObjects.tag(o));
        assertTrue(first.scene().source().notes().stream().anyMatch(n -> n.startsWith(first.count() + " object proposals")),
                first.scene().source().notes().toString());
    }

    @Test
    void aPlyTooSmallForProposalsSaysZero() throws Exception {
        SceneObjects r = SceneObjects.resolve(Scenes.load(SharedData.path("ply/cube.ply")));
        assertTrue(r.proposed());
        assertEquals(List.of(), r.scene().objects());
        assertEquals("0 proposals (the scene has no labelled objects)", r.describe());
    }

    @Test
    void onlyClasslessObjectsLabelledObjectAreProposals() {
        Box3 box = new Box3(0, 0, 0, 1, 1, 1);
        // ScanNet's raw category "object" maps to NYU40 otherprop (40): a labelled object, not a proposal.
        SceneObject labelled = new SceneObject(5, "object", 40, box, new int[0]);
        SceneObject proposal = new SceneObject(5, Proposals.LABEL, -1, box, new int[0]);
        assertEquals("object", SceneObjects.tag(labelled));
        assertEquals("object 5", SceneObjects.tag(proposal));
        assertEquals("chair", SceneObjects.tag(new SceneObject(2, "chair", -1, box, new int[0])));
    }
}
