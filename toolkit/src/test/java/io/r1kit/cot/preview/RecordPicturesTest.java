package io.r1kit.cot.preview;

import io.r1kit.cot.CotRecord;
import io.r1kit.cot.tasks.QuestionType;
import io.r1kit.render.PointInstances;
import io.r1kit.render.RenderedView;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.Task;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordPicturesTest {

    private static final SceneGenerator GENERATOR = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(20000));

    @Test
    void targetKeepsItsColoursWhileTheRestIsDimmed() {
        GeneratedRoom room = GENERATOR.generate("kitchen-0003");
        SceneObject target = room.scene().objects().stream().filter(o -> o.label().equals("refrigerator")).findFirst()
                .orElseThrow();
        CotRecord record = new CotRecord(room.scene().id(), Task.QA, QuestionType.COLOUR, "What colour is the refrigerator?",
                "<think>Step 1: x</think><answer>grey</answer>", "refrigerator", List.of(target.id()), true, List.of());
        BufferedImage picture = RecordPictures.of(room, record);
        RenderedView view = RecordPictures.view(room.scene(), List.of(target.id()));
        assertEquals(RecordPictures.WIDTH, picture.getWidth());
        int targetPixels = 0;
        int targetKept = 0;
        int otherPixels = 0;
        int otherKept = 0;
        for (int y = 0; y < view.height(); y++) {
            for (int x = 0; x < view.width(); x++) {
                int id = view.instanceAt(x, y);
                int before = view.rgb(x, y);
                int after = picture.getRGB(x, y) & 0xFFFFFF;
                if (id == target.id()) {
                    targetPixels++;
                    targetKept += before == after ? 1 : 0;
                } else if (id != PointInstances.NONE) {
                    otherPixels++;
                    otherKept += before == after && before != 0xFFFFFF ? 1 : 0;
                }
            }
        }
        // The box edges and label are drawn over part of the target; the rest of it keeps its colour,
        // while the other objects' pixels all fade (only pure white cannot get lighter).
        assertTrue(targetPixels > 500, "target pixels " + targetPixels);
        assertTrue(targetKept > 0.5 * targetPixels, targetKept + " of " + targetPixels + " kept");
        assertTrue(otherPixels > 10_000, "other pixels " + otherPixels);
        assertTrue(otherKept < 0.01 * otherPixels, otherKept + " of " + otherPixels + " kept their colour");
    }

    @Test
    void theChosenViewSeesTheTargetAtLeastAsWellAsTheFirstCandidate() {
        GeneratedRoom room = GENERATOR.generate("office-0005");
        int door = room.scene().objects().stream().filter(o -> o.label().equals("door")).findFirst().orElseThrow().id();
        RenderedView chosen = RecordPictures.view(room.scene(), List.of(door));
        RenderedView first = RecordPictures.view(room.scene(), List.of());
        assertTrue(chosen.visiblePixels(door) >= first.visiblePixels(door),
                chosen.visiblePixels(door) + " < " + first.visiblePixels(door));
        assertTrue(chosen.visiblePixels(door) > 0);
    }

    @Test
    void aRecordOfAnotherRoomOrUnknownObjectIsRefused() {
        GeneratedRoom room = GENERATOR.generate("office-0005");
        CotRecord other = new CotRecord("office-0006", Task.QA, QuestionType.COUNT, "q", "c", "", List.of(), true, List.of());
        assertEquals("the record is about office-0006, not office-0005",
                assertThrows(IllegalArgumentException.class, () -> RecordPictures.of(room, other)).getMessage());
        assertEquals("office-0005: no object 99 (the record's target ids do not match this scene)",
                assertThrows(IllegalArgumentException.class, () -> RecordPictures.of(room.scene(), List.of(99))).getMessage());
    }
}
