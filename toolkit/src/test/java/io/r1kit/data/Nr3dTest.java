package io.r1kit.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Nr3dTest {

    private static final String HEADER = "stimulus_id,utterance,target_id,instance_type,scan_id\n";

    @Test
    void readsTheFixtureWithItsQuoting() throws Exception {
        List<Nr3dEntry> all = Nr3d.read(Fixtures.path("nr3d.csv"));
        assertEquals(4, all.size());
        Nr3dEntry first = all.get(0);
        assertEquals("scene0001_00-desk_lamp-2-5-9", first.stimulusId());
        assertEquals("Facing the bed, the lamp on the left", first.utterance());
        assertEquals(5, first.targetId());
        assertEquals("desk lamp", first.instanceType());
        assertEquals("scene0001_00", first.sceneId());
        assertEquals(Optional.of(true), first.extras().correctGuess());
        assertEquals(Optional.of(false), first.extras().usesObjectLang());
        assertEquals(Optional.of(true), first.extras().usesSpatialLang());
        assertEquals(Optional.of("nr3d"), first.extras().dataset());
        assertEquals(Optional.of("a01"), first.extras().assignmentId());
        assertEquals(Optional.of("w17"), first.extras().workerId());

        assertEquals("The \"comfy\" chair\nnear the window, not the red one", all.get(1).utterance());
        assertEquals(Optional.of(true), all.get(1).extras().usesColorLang());
        assertEquals("pillow, small, round", all.get(3).utterance());
        Nr3dEntry.Extras blank = all.get(3).extras();
        assertEquals(Optional.of("a04"), blank.assignmentId());
        assertEquals(Optional.empty(), blank.correctGuess());
        assertEquals(Optional.empty(), blank.mentionsTargetClass());
        assertEquals(Optional.empty(), blank.dataset());
    }

    @Test
    void derivesHardnessAndViewDependence() throws Exception {
        List<Nr3dEntry> all = Nr3d.read(Fixtures.path("nr3d.csv"));
        assertEquals(List.of(false, true, false, true), all.stream().map(Nr3dEntry::isHard).toList());
        // "leftover" must not count as "left": words are matched whole.
        assertEquals(List.of(true, false, false, false), all.stream().map(Nr3dEntry::isViewDependent).toList());
        Nr3dStimulus chair = all.get(1).stimulus();
        assertEquals(new Nr3dStimulus("scene0001_00", "chair", 4, 12, List.of(1, 7, 20)), chair);
        assertEquals("t-shirt", all.get(2).stimulus().instanceType());
        assertEquals(List.of(8), all.get(2).stimulus().distractorIds());
    }

    @Test
    void stimulusParsing() {
        Nr3dStimulus s = Nr3dStimulus.parse("scene0525_00-office_chair-3-7-2-9");
        assertEquals(new Nr3dStimulus("scene0525_00", "office chair", 3, 7, List.of(2, 9)), s);
        assertTrue(s.isHard());
        assertFalse(Nr3dStimulus.parse("scene0525_00-sink-2-4-1").isHard());
        assertEquals("stimulus_id \"scene0525_00-sink-3-4-1\" is not <scan>-<class>-<n>-<target>-<n-1 distractors>",
                assertThrows(IllegalArgumentException.class, () -> Nr3dStimulus.parse("scene0525_00-sink-3-4-1")).getMessage());
    }

    @Test
    void viewDependentWordsMatchWholeWordsIgnoringCase() {
        assertTrue(entry("It is BEHIND the door.").isViewDependent());
        assertTrue(entry("when looking at the bed").isViewDependent());
        assertFalse(entry("the backpack near the frontier sign").isViewDependent());
    }

    private static Nr3dEntry entry(String utterance) {
        return new Nr3dEntry("scene0000_00-bed-2-1-2", utterance, 1, "bed", "scene0000_00", Nr3dEntry.Extras.NONE);
    }

    @Test
    void acceptsCrlfAndOnlyTheRequiredColumns(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("nr3d_min.csv"),
                HEADER.replace("\n", "\r\n") + "scene0000_00-bed-2-1-2,\"the bed, left\",1,bed,scene0000_00\r\n");
        Nr3dEntry e = Nr3d.read(f).get(0);
        assertEquals("the bed, left", e.utterance());
        assertEquals(Nr3dEntry.Extras.NONE, e.extras());
    }

    @Test
    void badRowsNameTheLine(@TempDir Path dir) throws Exception {
        assertEquals("a.csv: line 1: missing column \"scan_id\"", message(dir, "a.csv",
                "stimulus_id,utterance,target_id,instance_type\nx,y,1,bed\n"));
        assertEquals("b.csv: line 4: column \"target_id\" should be an integer, got \"one\"", message(dir, "b.csv",
                HEADER + "scene0000_00-bed-2-1-2,\"two\nlines\",1,bed,scene0000_00\nscene0000_00-bed-2-1-2,u,one,bed,scene0000_00\n"));
        assertEquals("c.csv: line 2: 4 fields but the header has 5", message(dir, "c.csv",
                HEADER + "scene0000_00-bed-2-1-2,the bed, left,1\n"));
        assertEquals("d.csv: line 2: stimulus_id \"scene0000_00-bed-2-1-2\" names scan scene0000_00 and target 1"
                        + " but the row says scene0000_00 and 2",
                message(dir, "d.csv", HEADER + "scene0000_00-bed-2-1-2,u,2,bed,scene0000_00\n"));
        assertEquals("e.csv: line 2: column \"correct_guess\" should be True or False, got \"yes\"", message(dir, "e.csv",
                "stimulus_id,utterance,target_id,instance_type,scan_id,correct_guess\nscene0000_00-bed-2-1-2,u,1,bed,scene0000_00,yes\n"));
        assertEquals("f.csv: empty file", message(dir, "f.csv", "\n"));
    }

    private static String message(Path dir, String name, String text) throws Exception {
        Path f = Files.writeString(dir.resolve(name), text);
        return assertThrows(DataFormatException.class, () -> Nr3d.read(f)).getMessage();
    }
}
