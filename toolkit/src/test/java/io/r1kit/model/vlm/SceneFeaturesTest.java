package io.r1kit.model.vlm;

import io.r1kit.scene.Scene;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.scene.proposal.Proposals;
import io.r1kit.task.BoxCodec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneFeaturesTest {

    @Test
    void objectsAreSampledInTheirBoxFrameInIdOrder() {
        SceneFeatures f = SceneFeatures.extract(VlmFixtures.handScene(), VlmFixtures.micro(0));
        assertFalse(f.proposed());
        assertEquals(2, f.objects().size());
        ObjectSample chair = f.objects().get(0);
        assertEquals(1, chair.objectId());
        assertEquals(2, chair.pointCount());
        // points 2 and 3, repeated to fill P = 4: xyz / half size relative to the centre (1.25, 1, 0.5)
        assertArrayEquals(new float[] {
            -1, 0, 0, 1, 0, 0,
            1, 0, 0, 0, 0, 1,
            -1, 0, 0, 1, 0, 0,
            1, 0, 0, 0, 0, 1}, chair.points(), 1e-6f);
        assertArrayEquals(new float[] {0.3125f, 0.25f, 0.25f, 0.125f, 0.05f, 0.125f}, chair.box(), 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0, 0.5f, 0.5f, 0, 0.5f}, chair.colour(), 1e-6f);
        // round(0.3125 * 255) = 80, round(0.25 * 255) = 64, round(0.125 * 255) = 32, round(0.05 * 255) = 13
        assertArrayEquals(new int[] {80, 64, 64, 32, 13, 32}, chair.grid());
        assertArrayEquals(new float[] {0.4f, 0.4f, 0.2f, 2 / 8f}, f.global(), 1e-6f);
    }

    @Test
    void anObjectWithoutPointsTakesTheScenePointsInItsBox() {
        ObjectSample table = SceneFeatures.extract(VlmFixtures.handScene(), VlmFixtures.micro(0)).objects().get(1);
        assertEquals(2, table.objectId());
        assertEquals(2, table.pointCount());
        // points 4 (the centre) and 5 (the corner), both inside the box [2.5, 3.5]^2 x [0.5, 1.5]
        assertArrayEquals(new float[] {
            0, 0, 0, 0, 1, 0,
            1, 1, 1, 0.5f, 0.5f, 0.5f,
            0, 0, 0, 0, 1, 0,
            1, 1, 1, 0.5f, 0.5f, 0.5f}, table.points(), 1e-6f);
        // colours (0, 1, 0) and (0.5, 0.5, 0.5): mean (0.25, 0.75, 0.25), each channel 0.25 from its mean
        assertArrayEquals(new float[] {0.25f, 0.75f, 0.25f, 0.25f, 0.25f, 0.25f}, table.colour(), 1e-6f);
    }

    @Test
    void maxObjectsKeepsTheFirstIds() {
        SceneFeatures f = SceneFeatures.extract(VlmFixtures.handScene(), VlmFixtures.micro(0).toBuilder()
                .maxObjects(1).build());
        assertEquals(1, f.objects().size());
        assertEquals(1, f.objects().get(0).objectId());
        assertEquals(1f, f.global()[3]);
    }

    @Test
    void samplingIsSeededAndStaysInsideTheBox() {
        Scene room = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000).withObjectRange(0, 12))
                .generate(3).scene();
        VlmConfig c = VlmFixtures.micro(4).toBuilder().pointsPerObject(16).build();
        SceneFeatures a = SceneFeatures.extract(room, c);
        assertEquals(a, SceneFeatures.extract(room, c));
        SceneFeatures other = SceneFeatures.extract(room, c.toBuilder().seed(5).build());
        assertFalse(a.objects().get(0).equals(other.objects().get(0)), "another seed samples other points");
        BoxCodec codec = new BoxCodec(room.bounds());
        for (ObjectSample o : a.objects()) {
            assertEquals(16, o.pointCount(), o.toString());
            float[] p = o.points();
            for (int i = 0; i < p.length; i++) {
                assertTrue(Math.abs(p[i]) <= 1.0001f, o + " value " + p[i]);
            }
            assertArrayEquals(codec.quantise(room.object(o.objectId()).orElseThrow().box()), o.grid());
        }
    }

    @Test
    void anUnlabelledSceneIsEncodedOverProposals() {
        Scene room = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000).withObjectRange(0, 12))
                .generate(3).scene();
        SceneFeatures f = SceneFeatures.extract(Proposals.withoutObjects(room), VlmFixtures.micro(0));
        assertTrue(f.proposed());
        assertTrue(f.objects().size() >= 3, f.objects().size() + " proposals");
        for (ObjectSample o : f.objects()) {
            assertEquals(Proposals.LABEL, o.label());
            assertTrue(o.pointCount() > 0, o.toString());
        }
    }
}
