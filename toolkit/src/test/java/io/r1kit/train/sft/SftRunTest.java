package io.r1kit.train.sft;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainingRooms;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SftRunTest {

    @Test
    void aTinyRunLowersTheLossAndWritesALoadableCheckpointWithProvenance() throws Exception {
        // a few steps of the cold start: the targets are reasoning replies
        assertEquals(AnswerFormat.REASONING, SftConfig.fromJson(TinyCheckpoint.RECIPE).answerFormat());
        Path dir = TinyCheckpoint.dir();
        SftRun.Result r = TinyCheckpoint.result();
        List<String> csv = Files.readAllLines(dir.resolve("loss.csv"));
        assertEquals("step,train_loss,held_out_loss,learning_rate", csv.get(0));
        assertEquals(31, csv.size());
        double first = mean(csv.subList(1, 6));
        double last = mean(csv.subList(26, 31));
        assertTrue(last < 0.8 * first, "loss " + first + " -> " + last);
        assertTrue(csv.get(10).matches("10,[0-9.]+,[0-9.]+,.*"), csv.get(10));   // held-out every 10 steps
        assertTrue(csv.get(11).matches("11,[0-9.]+,,.*"), csv.get(11));
        assertTrue(Files.size(dir.resolve("loss.png")) > 1000);

        JsonObject p = JsonParser.parseString(Files.readString(dir.resolve("r1kit.json"))).getAsJsonObject();
        assertEquals(r.dataSha256(), p.get("data_sha256").getAsString());
        assertEquals(64, p.get("data_sha256").getAsString().length());
        assertEquals(3, p.get("seed").getAsLong());
        assertEquals(30, p.get("steps").getAsInt());
        assertEquals("F16", p.get("dtype").getAsString());
        assertEquals(SftConfig.fromJson(TinyCheckpoint.RECIPE),
                SftConfig.fromJson(p.getAsJsonObject("recipe").toString()));
        assertEquals(io.r1kit.Version.get(), p.get("toolkit").getAsString());
        assertTrue(p.has("wall_seconds") && p.has("threads") && p.has("final_held_out_loss"));
        // the seven-task evaluation of the held-out room, 3 questions per task of the recipe
        JsonObject tasks = p.getAsJsonObject("held_out_scores").getAsJsonObject("tasks");
        assertEquals(java.util.Set.of("grounding", "qa"), tasks.keySet());
        assertEquals(3, tasks.getAsJsonObject("grounding").get("cases").getAsInt());
        assertEquals("acc@0.25", tasks.getAsJsonObject("grounding").getAsJsonObject("headline").get("metric").getAsString());
        assertTrue(Files.isRegularFile(dir.resolve(SftRun.BEST).resolve("model.safetensors")));
        assertEquals(r.bestStep(), JsonParser.parseString(Files.readString(dir.resolve(SftRun.BEST).resolve("r1kit.json")))
                .getAsJsonObject().get("step").getAsInt());

        try (Vlm3d model = Vlm3d.load(dir); TextTokenizer tok = TextTokenizer.load(dir)) {
            assertEquals(r.parameters(), model.parameterCount());
            // F16 on disk, float32 after loading
            model.parameters().values().forEach(a -> assertEquals(ai.djl.ndarray.types.DataType.FLOAT32, a.getDataType()));
            var room = TrainingRooms.room(0);
            int[] prompt = tok.encode(io.r1kit.task.TaskPrompt.prompt(io.r1kit.task.Task.GROUNDING, "the bed"));
            int[] out = model.generate(room.scene(), prompt, GenerationConfig.builder().maxNewTokens(5).build(), tok).tokens();
            assertEquals(5, out.length);
        }
    }

    private static double mean(List<String> rows) {
        return rows.stream().mapToDouble(s -> Double.parseDouble(s.split(",")[1])).average().orElseThrow();
    }
}
