package io.r1kit.view;

import io.r1kit.SharedData;
import io.r1kit.render.RenderedView;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.load.Scenes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewSelectorTest {

    private static Scene scan;

    @BeforeAll
    static void load() throws Exception {
        scan = Scenes.load(SharedData.path("scannet/scene0000_02_vert.npy"));
    }

    /** The scan has one refrigerator and one bed (NYU40 labels of its boxes). */
    private static void picksViewsThatSeeTheObject(String query, String label) {
        ViewSelection s = ViewSelector.select(scan, query);
        assertEquals(1, s.targets().size(), s.targets().toString());
        SceneObject target = s.targets().get(0);
        assertEquals(label, target.label());
        assertEquals(6, s.chosen().size());
        assertEquals(24, s.scores().size());
        for (int i = 0; i < s.chosen().size(); i++) {
            assertTrue(s.chosen().get(i).targetPixels() > 0, query + ": chosen view " + s.chosen().get(i));
            RenderedView v = s.views().get(i);
            assertTrue(v.visiblePixels(target.id()) > 0, query + ": render of view " + s.chosen().get(i).candidate());
        }
        double topText = s.chosen().get(0).text();
        double worstText = s.scores().stream().min(Comparator.comparingDouble(ViewScore::utility)).orElseThrow().text();
        assertTrue(topText > worstText, query + ": top S_text " + topText + ", worst view's " + worstText);
        for (ViewScore v : s.scores()) {
            assertTrue(v.utility() <= s.chosen().get(5).utility() || s.chosen().contains(v), "top-k by utility");
        }
    }

    @Test
    void refrigeratorQueryPicksViewsThatSeeIt() {
        picksViewsThatSeeTheObject("Where is the fridge?", "refrigerator");
    }

    @Test
    void bedQueryPicksViewsThatSeeItAndScoresAreDeterministic() {
        picksViewsThatSeeTheObject("the bed", "bed");
        ViewSelectionConfig small = ViewSelectionConfig.defaults().withImageSize(64);
        assertEquals(ViewSelector.select(scan, "the bed", small).scores(), ViewSelector.select(scan, "the bed", small).scores());
        assertTrue(ViewSelector.select(scan, "the bed", small).table().toString().contains("S_coverage"));
    }
}
