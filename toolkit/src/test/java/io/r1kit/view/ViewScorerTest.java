package io.r1kit.view;

import io.r1kit.render.Camera;
import io.r1kit.render.PointRenderer;
import io.r1kit.render.RenderOptions;
import io.r1kit.render.RenderedView;
import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ViewScorerTest {

    /**
     * Three objects 5 m in front of a 100x100, 90 degree camera (fy 50), one 5x5-pixel square splat
     * each (point radius 0.2 m -> 2 px): a white refrigerator, a red kitchen cabinet, a red chair; a
     * second refrigerator behind the camera.
     */
    private static RenderedView view(Scene scene) {
        Camera c = Camera.lookAt(new double[] {0, -5, 0}, new double[] {0, 0, 0}, Camera.Z_UP, 90, 100, 100);
        RenderOptions o = RenderOptions.defaults().withPointRadius(0.2).withShape(RenderOptions.SplatShape.SQUARE)
                .withShading(false);
        return PointRenderer.of(scene).render(c, o);
    }

    private static Scene scene() {
        float[] xyz = {-2, 0, 0, 0, 0, 0, 2, 0, 0, 0, -10, 0};
        float[] rgb = {1, 1, 1, 0.8f, 0.1f, 0.1f, 0.8f, 0.1f, 0.1f, 1, 1, 1};
        String[] labels = {"refrigerator", "kitchen cabinet", "chair", "refrigerator"};
        Scene.Builder b = Scene.builder("four").points(new PointCloud(xyz, rgb, null));
        for (int i = 0; i < 4; i++) {
            b.addObject(new SceneObject(i + 1, labels[i], -1, new Box3(xyz[3 * i], xyz[3 * i + 1], 0, 0.1f, 0.1f, 0.1f),
                    new int[0]));
        }
        return b.build();
    }

    @Test
    void scoresMatchTheHandComputation() {
        Scene s = scene();
        RenderedView v = view(s);
        assertEquals(java.util.Map.of(1, 25, 2, 25, 3, 25), v.visiblePixels());
        ViewScorer scorer = new ViewScorer("the white fridge", s.objects(), 20);
        assertEquals(List.of(1, 4), scorer.targets());
        ViewScore score = scorer.score(0, 0, 35, v, ViewSelectionConfig.defaults());
        // Bag of label words, shares 1/3 each: refrigerator 1/3, kitchen 1/6, cabinet 1/6, chair 1/3;
        // query {refrigerator}: cos = (1/3) / sqrt(1/9 + 1/36 + 1/36 + 1/9) = 2 / sqrt(10).
        assertEquals(2 / Math.sqrt(10), score.text(), 1e-12);
        // 3 of 4 objects seen, 1 of 2 refrigerators: (3/4 + 1/2) / 2.
        assertEquals(0.625, score.coverage(), 1e-12);
        // 25 white target pixels of a 10,000-pixel frame, full at a tenth: 25 / 1000, all "white".
        assertEquals(0.025, score.clip(), 1e-12);
        assertEquals(0.3 * 2 / Math.sqrt(10) + 0.5 * 0.625 + 0.5 * 0.025, score.utility(), 1e-12);
        assertEquals(25, score.targetPixels());
        assertEquals(3, score.objectsSeen());
    }

    @Test
    void colourWordsTheTargetsDoNotShowZeroTheClipScore() {
        Scene s = scene();
        ViewScore red = new ViewScorer("the red fridge", s.objects(), 20).score(0, 0, 35, view(s), ViewSelectionConfig.defaults());
        assertEquals(0, red.clip());
        // No named object but a colour: the share of covered pixels with that colour (2 of 3 splats red).
        ViewScore anyRed = new ViewScorer("something red", s.objects(), 20).score(0, 0, 35, view(s), ViewSelectionConfig.defaults());
        assertEquals(2 / 3.0, anyRed.clip(), 1e-12);
        assertEquals(0, anyRed.text());
        assertEquals(0.75, anyRed.coverage(), 1e-12);
    }
}
