package io.r1kit.train.sft;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.cot.tasks.Queries;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.PointerText;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.model.vlm.VlmOutput;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.task.ReasoningParser;
import io.r1kit.task.Task;
import io.r1kit.task.TaskPrompt;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.TrainingRooms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SftDataTest {

    /** The tiny recipe on one room, its reasoning naming objects without pointing (the keys are tested apart). */
    private static final SftConfig ONE_ROOM = with(with(SftConfig.fromJson(
            TinyCheckpoint.RECIPE.replace("\"train_rooms\": 2", "\"train_rooms\": 1")), "reasoning_boxes", "false"),
            "reasoning_looks", "false");

    private static SftConfig with(SftConfig c, String key, String value) {
        return SftConfig.fromJson(c.toJson().replaceFirst("\"" + key + "\": [^,\\n]+", "\"" + key + "\": " + value));
    }

    @Test
    void promptsAreTheTasksQueriesAndTargetsTheReasoningRecords(@TempDir Path dir) throws Exception {
        SftData data = SftData.training(ONE_ROOM, TrainProgress.none());
        GeneratedRoom room = TrainingRooms.room(0);
        List<Example> engine = TrainingRooms.examples(room, 0, ONE_ROOM.tasks(), ONE_ROOM.maxObjects());
        assertEquals(engine.size(), data.examples().size() + data.dropped() + data.filtered());
        assertEquals(0, data.dropped());
        assertEquals(0, data.filtered());
        data.vocabulary().save(dir);
        int vocab = data.vocabulary().size();
        PointerText pointers = PointerText.of(ONE_ROOM.vlmConfig(vocab));
        long pointed = 0;
        long boxes = 0;
        try (TextTokenizer tok = TextTokenizer.load(dir)) {
            for (int i = 0; i < engine.size(); i++) {
                Example e = engine.get(i);
                VlmExample x = data.examples().get(i);
                String prompt = Queries.of(e, InstructionGenerator.context(room, 0)).prompt();
                assertArrayEquals(tok.encode(prompt), x.prompt());   // the Java split agrees with tokenizer.json
                assertTrue(tok.decode(x.prompt()).startsWith("<|im_start|>user\n"
                        + e.task().instruction().toLowerCase(Locale.ROOT)), tok.decode(x.prompt()));
                // the target is a reasoning reply whose answer is the engine's; boxes of encoded objects are pointers
                String target = tok.decode(pointers.expand(x.answer(), x.features()));
                assertTrue(target.endsWith("<|im_end|>"), target);
                var parsed = ReasoningParser.parse(TaskPrompt.stripEnd(target));
                assertTrue(parsed.valid(), parsed.reason() + ": " + target);
                assertEquals(e.answer().toLowerCase(Locale.ROOT), parsed.reasoning().get().answer());
                assertTrue(parsed.reasoning().get().think().startsWith("step 1:"), target);
                pointed += Arrays.stream(x.answer()).filter(t -> t >= vocab).count();
                boxes += target.split("<obj>", -1).length - 1;
                assertEquals(tok.encode(TaskPrompt.END)[0], x.answer()[x.answer().length - 1]);
            }
        }
        assertTrue(pointed > 0, "no answer box became a pointer");
        assertEquals(pointed, data.pointers());
        // boxes of objects past max_objects stay numbers; every other box is a pointer
        assertEquals(boxes, data.pointers() + data.unmatched());
        // the reasoning's own words are in the vocabulary
        assertTrue(data.vocabulary().contains("step"));
        assertTrue(data.vocabulary().contains("answer"));
    }

    @Test
    void thePlainFormatTrainsOnTheAnswerAloneWithTheSamePrompts() {
        SftConfig plain = with(ONE_ROOM, "answer_format", "\"plain\"");
        SftData reasoning = SftData.training(ONE_ROOM, TrainProgress.none());
        SftData answers = SftData.training(plain, TrainProgress.none());
        assertEquals(reasoning.examples().size(), answers.examples().size());
        for (int i = 0; i < answers.examples().size(); i++) {
            assertEquals(words(reasoning, reasoning.examples().get(i).prompt()), words(answers, answers.examples().get(i).prompt()));
            assertTrue(answers.examples().get(i).answer().length < reasoning.examples().get(i).answer().length);
        }
        assertTrue(answers.vocabulary().size() < reasoning.vocabulary().size());
        assertNotEquals(reasoning.sha256(), answers.sha256());
    }

    private static List<String> words(SftData data, int[] ids) {
        return Arrays.stream(ids).mapToObj(id -> data.vocabulary().token(id)).toList();
    }

    @Test
    void theRecipesFiltersAndReasoningLengthDecideWhatIsTrainedOn() {
        // the paper's thresholds (30 think words, 20 answer words) reject the compact reasoning of short answers
        SftConfig paper = SftConfig.fromJson(ONE_ROOM.toJson().replaceFirst("\"cot_filters\": \\{[^}]*}",
                "\"cot_filters\": {\"min_think_words\": 30, \"min_answer_words\": 20, \"min_short_answer_words\": 8,"
                        + " \"min_step_cues\": 3, \"min_consistency\": 0.8}"));
        SftData strict = SftData.training(paper, TrainProgress.none());
        SftData nano = SftData.training(ONE_ROOM, TrainProgress.none());
        assertTrue(strict.filtered() > 0, "the paper's filters kept every compact record");
        assertEquals(nano.examples().size(), strict.examples().size() + strict.filtered());
        // more fact steps, longer targets
        SftData longer = SftData.training(with(ONE_ROOM, "reasoning_steps", "4"), TrainProgress.none());
        long shortTokens = nano.examples().stream().mapToLong(e -> e.answer().length).sum();
        long longTokens = longer.examples().stream().mapToLong(e -> e.answer().length).sum();
        assertTrue(longTokens > shortTokens, longTokens + " <= " + shortTokens);
    }

    @Test
    void withReasoningBoxesTheIdentifyingStepPointsAtTheObjectBeforeNamingItsColour() {
        SftConfig boxes = with(ONE_ROOM, "reasoning_boxes", "true");
        GeneratedRoom room = TrainingRooms.room(0);
        List<SftData.Text> plain = SftData.texts(room, 0, ONE_ROOM, new int[1]);
        List<SftData.Text> pointed = SftData.texts(room, 0, boxes, new int[1]);
        assertEquals(plain.size(), pointed.size());
        int identified = 0;
        for (int i = 0; i < plain.size(); i++) {
            String before = plain.get(i).target();
            String after = pointed.get(i).target();
            var m = java.util.regex.Pattern.compile("Only one object matches \"([^\"]+)\": the ([a-z ]+) at "
                    + "(<obj>[0-9, ]+</obj>)\\.").matcher(after);
            if (!m.find()) {
                assertEquals(before, after, "only identifying steps change");
                continue;
            }
            identified++;
            String grounding = plain.get(i).prompt();
            if (grounding.contains(m.group(1)) && answerOf(before).startsWith("<obj>")) {
                assertEquals(answerOf(before), m.group(3), "the step's box is the answer's");
            }
            assertTrue(before.contains(": the ") && !before.contains(" at <obj>"), before);
            assertEquals(answerOf(before), answerOf(after));
        }
        assertTrue(identified > 5, identified + " identifying steps");
        SftData withPointers = SftData.training(boxes, TrainProgress.none());
        SftData without = SftData.training(ONE_ROOM, TrainProgress.none());
        assertEquals(without.dropped(), withPointers.dropped());
        assertEquals(without.pointers() + without.unmatched() + identified,
                withPointers.pointers() + withPointers.unmatched(), "one more box per identifying step");
        assertTrue(withPointers.pointers() > without.pointers(), withPointers.pointers() + " pointers");
    }

    @Test
    void withLookStepsTheReasoningPointsAtEachObjectItNamesAndSaysItsColourFirst() {
        SftConfig looks = with(with(ONE_ROOM, "reasoning_boxes", "true"), "reasoning_looks", "true");
        GeneratedRoom room = TrainingRooms.room(0);
        List<Example> examples = TrainingRooms.examples(room, 0, ONE_ROOM.tasks(), ONE_ROOM.maxObjects());
        List<SftData.Text> texts = SftData.texts(room, 0, looks, new int[1]);
        List<SftData.Text> boxes = SftData.texts(room, 0, with(ONE_ROOM, "reasoning_boxes", "true"), new int[1]);
        assertEquals(examples.size(), texts.size());
        var look = java.util.regex.Pattern.compile("Step \\d+: The ([a-z ]+) at <obj>[0-9, ]+</obj> is ([a-z]+)\\.");
        int looked = 0;
        for (int i = 0; i < texts.size(); i++) {
            Example e = examples.get(i);
            String target = texts.get(i).target();
            var m = look.matcher(target);
            if (!m.find()) {
                assertEquals(boxes.get(i).target(), target, "an example whose reasoning identifies its object is as before");
                continue;
            }
            looked++;
            var o = room.graph().object(e.target()).orElseThrow();
            assertEquals(o.label(), m.group(1), "the first look is at the target");
            assertEquals(o.colour().word(), m.group(2), "and says its true colour");
            assertTrue(target.startsWith("<think>Step 1: The " + o.label() + " at <obj>"), target);
            assertEquals(answerOf(boxes.get(i).target()), answerOf(target));
        }
        assertTrue(looked >= 3, looked + " examples look first");   // the count questions of room 0
    }

    @Test
    void withObjectPlacesEachObjectIsTaughtTheWordOfItsPlace() {
        SftData off = SftData.training(ONE_ROOM, TrainProgress.none());
        SftData on = SftData.training(with(ONE_ROOM, "object_places", "true"), TrainProgress.none());
        assertEquals(off.sha256(), on.sha256(), "the texts are the same");
        GeneratedRoom room = TrainingRooms.room(0);
        for (int k = 0; k < on.examples().size(); k++) {
            assertEquals(0, off.examples().get(k).objectPlaces().length, "no places without the key");
            VlmExample x = on.examples().get(k);
            int[] places = x.objectPlaces();
            assertEquals(x.features().objects().size(), places.length);
            for (int i = 0; i < places.length; i++) {
                var o = room.graph().object(x.features().objects().get(i).objectId()).orElseThrow();
                String word = io.r1kit.cot.tasks.Locator.placeWord(o);
                if (on.vocabulary().contains(word)) {
                    assertEquals(word, on.vocabulary().token(places[i]));
                } else {
                    assertEquals(-1, places[i], word + " is not a word of this one room's texts: left out");
                }
            }
        }
        java.util.Set<String> words = new java.util.TreeSet<>();
        for (int id : on.examples().get(0).objectPlaces()) {
            if (id >= 0) {
                words.add(on.vocabulary().token(id));
            }
        }
        assertTrue(words.size() >= 3, "a room's objects stand in several places: " + words);
    }

    private static String answerOf(String reply) {
        return ReasoningParser.parse(reply).reasoning().orElseThrow().answer();
    }

    @Test
    void theLossMaskCoversExactlyTheAnswer() {
        SftData data = SftData.training(ONE_ROOM, TrainProgress.none());
        VlmConfig c = ONE_ROOM.vlmConfig(data.vocabulary().size());
        List<VlmExample> two = data.examples().subList(0, 2);
        try (Vlm3d model = Vlm3d.initialize(c, Device.cpu()); NDManager scope = model.newScope()) {
            VlmOutput o = model.forward(two, scope);
            for (int b = 0; b < 2; b++) {
                VlmExample e = two.get(b);
                // position t scores token t + 1: the first answer token follows the prompt's last token
                assertEquals(VlmConfig.sceneTokensFor(e.features().objects().size()) + e.prompt().length - 1,
                        o.answerFrom()[b]);
                assertEquals(e.answer().length, o.answerSizes()[b]);
            }
        }
    }

    @Test
    void longExamplesAreDroppedAndTheHashFollowsTheTexts() {
        SftData all = SftData.training(ONE_ROOM, TrainProgress.none());
        SftConfig tight = with(ONE_ROOM, "max_tokens", "90");
        SftData cut = SftData.training(tight, TrainProgress.none());
        long longer = all.examples().stream().filter(e -> e.prompt().length + e.answer().length > 90).count();
        assertTrue(longer > 0, "no example is longer than 90 tokens");
        assertEquals(longer, cut.dropped());
        assertEquals(all.examples().size() - longer, cut.examples().size());
        assertNotEquals(all.sha256(), cut.sha256());
        assertEquals(all.sha256(), SftData.training(ONE_ROOM, TrainProgress.none()).sha256());
        assertTrue(ONE_ROOM.tasks().contains(Task.QA));
    }

    @Test
    void taskRepeatsPutATasksTrainingExamplesInTheDataThatManyTimesAndLeaveTheHeldOutSetAlone() {
        SftData once = SftData.training(ONE_ROOM, TrainProgress.none());
        SftConfig twice = with(ONE_ROOM, "task_repeats", "{\"qa\": 2, \"grounding\": 3}");
        SftData repeated = SftData.training(twice, TrainProgress.none());
        GeneratedRoom room = TrainingRooms.room(0);
        List<SftData.Text> texts = SftData.texts(room, 0, ONE_ROOM, new int[1]);
        long qa = texts.stream().filter(t -> t.task() == Task.QA).count();
        long grounding = texts.stream().filter(t -> t.task() == Task.GROUNDING).count();
        assertTrue(qa > 0 && grounding > 0, "the room has QA and grounding examples");
        assertEquals(once.examples().size() + qa + 2 * grounding, repeated.examples().size());
        assertEquals(once.sha256(), repeated.sha256(), "the hash names the texts, not how often they are drawn");
        assertEquals(2, twice.repeats(Task.QA));
        assertEquals(1, twice.repeats(Task.PLANNING));
        SftData heldOut = SftData.of(1, 0, twice, once.vocabulary(), TrainProgress.none());
        assertEquals(once.examples().size(), heldOut.examples().size());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> with(ONE_ROOM, "task_repeats", "{\"qa\": 11}"));
        assertTrue(e.getMessage().contains("task_repeats of qa is 11"), e.getMessage());
    }
}
