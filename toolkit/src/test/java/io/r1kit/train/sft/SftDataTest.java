package io.r1kit.train.sft;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.r1kit.cot.tasks.Example;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.PointerText;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.model.vlm.VlmOutput;
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

    private static final SftConfig ONE_ROOM = SftConfig.fromJson(
            TinyCheckpoint.RECIPE.replace("\"train_rooms\": 2", "\"train_rooms\": 1"));

    @Test
    void promptAndAnswerIdsReadBackAsTheChatMlTexts(@TempDir Path dir) throws Exception {
        SftData data = SftData.training(ONE_ROOM, TrainProgress.none());
        List<Example> engine = TrainingRooms.examples(TrainingRooms.room(0), 0, ONE_ROOM.tasks());
        assertEquals(engine.size(), data.examples().size() + data.dropped());
        assertEquals(0, data.dropped());
        data.vocabulary().save(dir);
        int vocab = data.vocabulary().size();
        PointerText pointers = PointerText.of(ONE_ROOM.vlmConfig(vocab));
        long pointed = 0;
        try (TextTokenizer tok = TextTokenizer.load(dir)) {
            for (int i = 0; i < engine.size(); i++) {
                Example e = engine.get(i);
                VlmExample x = data.examples().get(i);
                String prompt = TaskPrompt.prompt(e.question());
                assertArrayEquals(tok.encode(prompt), x.prompt());   // the Java split agrees with tokenizer.json
                assertEquals("<|im_start|>user\n" + e.question().toLowerCase(Locale.ROOT) + "<|im_end|>\n"
                        + "<|im_start|>assistant\n", tok.decode(x.prompt()));
                // answer boxes of encoded objects are pointer tokens; expanded, they read as the engine's text
                assertEquals(e.answer().toLowerCase(Locale.ROOT) + "<|im_end|>",
                        tok.decode(pointers.expand(x.answer(), x.features())));
                pointed += Arrays.stream(x.answer()).filter(t -> t >= vocab).count();
                assertEquals(tok.encode(TaskPrompt.END)[0], x.answer()[x.answer().length - 1]);
            }
        }
        long boxes = engine.stream().mapToLong(e -> e.answer().split("<obj>", -1).length - 1).sum();
        assertTrue(pointed > 0, "no answer box became a pointer");
        assertEquals(pointed, data.pointers());
        // the engine's boxes are over the same bounds and codec as the encoded objects' grids
        assertEquals(boxes, data.pointers() + data.unmatched());
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
        // boxes as numbers: max_tokens counts an answer before pointers shorten it
        SftConfig numbers = SftConfig.fromJson(ONE_ROOM.toJson().replace("\"object_pointers\": true", "\"object_pointers\": false"));
        SftData all = SftData.training(numbers, TrainProgress.none());
        assertEquals(0, all.pointers());
        SftConfig tight = SftConfig.fromJson(numbers.toJson().replace("\"max_tokens\": 64", "\"max_tokens\": 32"));
        SftData cut = SftData.training(tight, TrainProgress.none());
        long longer = all.examples().stream().filter(e -> e.prompt().length + e.answer().length > 32).count();
        assertTrue(longer > 0, "no example is longer than 32 tokens");
        assertEquals(longer, cut.dropped());
        assertEquals(all.examples().size() - longer, cut.examples().size());
        assertEquals(all.sha256(), SftData.training(ONE_ROOM, TrainProgress.none()).sha256()); // pointers leave the texts' hash
        assertNotEquals(all.sha256(), cut.sha256());
    }
}
