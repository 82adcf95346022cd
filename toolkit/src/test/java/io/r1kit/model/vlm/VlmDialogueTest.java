package io.r1kit.model.vlm;

import ai.djl.Device;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.text.VocabularyConfig;
import io.r1kit.model.text.WordVocabulary;
import io.r1kit.scene.Scene;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import io.r1kit.task.TaskPrompt;
import io.r1kit.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dialogue session with a tiny random model: each question is asked after the turns before it. */
class VlmDialogueTest {

    private static final Scene ROOM = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000))
            .generate(5).scene();
    private static final String Q1 = "Is there a mug in here?";
    private static final String Q2 = "What colour is it?";

    @Test
    void turnsAccumulateWithTheAnswersGivenAndResetForgetsThem(@TempDir Path dir) throws Exception {
        try (TextTokenizer tok = tokenizer(dir); Vlm3d model = Vlm3d.initialize(config(dir, true), Device.cpu())) {
            VlmAsk ask = new VlmAsk(model, tok);
            VlmAsk.Input in = ask.prepare(ROOM);
            VlmDialogue d = ask.dialogue(in);
            assertTrue(d.turns().isEmpty());

            TaskAnswer a1 = d.ask("  " + Q1 + "\n");
            assertEquals(Task.DIALOGUE, a1.task());
            assertEquals(List.of(new TaskPrompt.Turn(Q1, a1.answer())), d.turns(), "the question is kept stripped");

            TaskAnswer a2 = d.ask(Q2);
            assertEquals(List.of(new TaskPrompt.Turn(Q1, a1.answer()), new TaskPrompt.Turn(Q2, a2.answer())), d.turns());
            // the second question was asked after the first with its answer: the same reply as that query
            TaskQuery after = new TaskQuery(Task.DIALOGUE, List.of(new TaskPrompt.Turn(Q1, a1.answer())), Q2);
            assertEquals(ask.ask(in, after).reply(), a2.reply());
            String prompt = PromptFormat.of(model.config(), after);
            assertEquals(TaskPrompt.chat(Task.DIALOGUE, List.of(new TaskPrompt.Turn(Q1, a1.answer())), Q2), prompt);
            assertTrue(prompt.contains("\n" + Q1 + "<|im_end|>\n<|im_start|>assistant\n" + a1.answer() + "<|im_end|>\n"),
                    prompt);
            assertTrue(tok.encode(prompt).length > tok.encode(TaskPrompt.prompt(Task.DIALOGUE, Q2)).length);

            // a caller cannot edit the session through what turns() hands out: it stays two turns long
            assertThrows(UnsupportedOperationException.class, () -> d.turns().clear(), "the turns are a copy");
            assertEquals(2, d.turns().size());
            d.reset();
            assertTrue(d.turns().isEmpty());
            TaskAnswer fresh = d.ask(Q2);
            assertEquals(ask.ask(in, Task.DIALOGUE, Q2).reply(), fresh.reply(), "after reset a question starts anew");
            assertEquals(List.of(new TaskPrompt.Turn(Q2, fresh.answer())), d.turns());
        }
    }

    @Test
    void aPlainFormatCheckpointIsAskedTheDialogueWithSpeakerMarkers(@TempDir Path dir) throws Exception {
        try (TextTokenizer tok = tokenizer(dir); Vlm3d model = Vlm3d.initialize(config(dir, false), Device.cpu())) {
            VlmAsk ask = new VlmAsk(model, tok);
            VlmAsk.Input in = ask.prepare(ROOM);
            VlmDialogue d = ask.dialogue(in);
            TaskAnswer a1 = d.ask(Q1);
            TaskAnswer a2 = d.ask(Q2);
            TaskQuery after = new TaskQuery(Task.DIALOGUE, List.of(new TaskPrompt.Turn(Q1, a1.answer())), Q2);
            assertEquals(TaskPrompt.question("### human: " + Q1 + " ### assistant: " + a1.answer() + " ### human: " + Q2
                    + " ### assistant:"), PromptFormat.of(model.config(), after));
            assertEquals(ask.ask(in, after).reply(), a2.reply());
            assertEquals(2, d.turns().size());
        }
    }

    private static TextTokenizer tokenizer(Path dir) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Task t : Task.values()) {
            texts.add(t.instruction());
        }
        texts.add(Q1 + " " + Q2 + " Yes, there is a yellow mug on the desk. It is yellow. human assistant ###");
        WordVocabulary vocab = WordVocabulary.build(texts, VocabularyConfig.defaults().withMinCount(1));
        vocab.save(dir);
        return TextTokenizer.load(dir);
    }

    /** Micro model over the tokenizer's words (grid numbers where the word vocabulary puts them). */
    private static VlmConfig config(Path dir, boolean taskPrompts) throws Exception {
        int vocab = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(dir.resolve(TextTokenizer.FILE)))
                .getAsJsonObject().getAsJsonObject("model").getAsJsonObject("vocab").size();
        return VlmConfig.builder().vocabSize(vocab).hiddenSize(32).intermediateSize(64).layers(1).heads(2, 1)
                .maxPositions(1024).pointsPerObject(4).maxObjects(4).pointWidth(16).pointFeatures(16)
                .objectWidth(32).gridTokenOffset(WordVocabulary.GRID_FIRST).seed(9).taskPrompts(taskPrompts).build();
    }
}
