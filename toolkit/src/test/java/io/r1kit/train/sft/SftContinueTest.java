package io.r1kit.train.sft;

import io.r1kit.eval.MeteorResources;
import io.r1kit.model.text.WordVocabulary;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SFT that continues from a checkpoint: its vocabulary and weights, not new ones. */
class SftContinueTest {

    private static String recipe(Path init, String more) {
        return TinyCheckpoint.RECIPE.replace("\"steps\": 30", "\"steps\": 3").replace("\"warmup_steps\": 3", "\"warmup_steps\": 1").replace("\"keep_best\": true", "\"keep_best\": false")
                .replace("\"eval_examples\": 3", "\"eval_examples\": 0")
                .replace("\"seed\": 3", "\"seed\": 3, \"train_seed\": 1000, \"init_model\": \"" + init + "\"" + more);
    }

    @Test
    void aContinuedRunStartsFromTheCheckpointsLossAndKeepsItsVocabulary(@TempDir Path tmp) throws Exception {
        Path init = TinyCheckpoint.dir();
        WordVocabulary v = WordVocabulary.read(init);
        SftRun.Result fresh = SftRun.run(SftConfig.fromJson(recipe(init, "").replace(", \"init_model\": \"" + init + "\"", "")),
                tmp.resolve("fresh"), TrainProgress.none(), MeteorResources.builtIn());
        SftRun.Result cont = SftRun.run(SftConfig.fromJson(recipe(init, "")), tmp.resolve("cont"), TrainProgress.none(),
                MeteorResources.builtIn());
        // 3 steps from random weights stay near log(V); from the trained checkpoint the loss starts low
        assertTrue(cont.finalTrainLoss() < fresh.finalTrainLoss() - 0.5,
                "continued " + cont.finalTrainLoss() + " vs fresh " + fresh.finalTrainLoss());
        assertEquals(Files.readString(init.resolve("tokenizer.json")), Files.readString(tmp.resolve("cont/tokenizer.json")));
        assertEquals(v.tokens(), WordVocabulary.read(tmp.resolve("cont")).tokens());
    }

    @Test
    void anotherArchitectureIsRefusedNamingTheKeys(@TempDir Path tmp) {
        Path init = TinyCheckpoint.dir();
        String e = assertThrows(IllegalArgumentException.class, () -> SftRun.run(
                SftConfig.fromJson(recipe(init, "").replace("\"hidden_size\": 32", "\"hidden_size\": 64")), tmp.resolve("x"),
                TrainProgress.none(), MeteorResources.builtIn())).getMessage();
        assertTrue(e.startsWith("init_model " + init + " has another architecture than the recipe's"), e);
    }
}
