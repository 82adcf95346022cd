package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.SharedData;
import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.load.Scenes;
import io.r1kit.task.BoxCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewardCommandTest {

    // Bounds 5.1 x 5.1 x 2.55 m: grid values decode exactly (0.02 m steps on x and y, 0.01 m on z).
    private static final String BOX_GT = "{\"box\": [1.5, 1.5, 0.5, 1, 1, 1], \"bounds\": [0, 0, 0, 5.1, 5.1, 2.55]}";
    /** cx 2.0 m: overlaps the ground truth by half on x, IoU 1/3. */
    private static final String SHIFTED = "<think>By the wall.</think><answer><obj>100, 75, 50, 50, 50, 100</obj></answer>";

    @Test
    void groundingPrintsATableOfFormatAndPerception(@TempDir Path dir) throws Exception {
        Path gt = write(dir, "gt.json", BOX_GT);
        MainTest.Result r = run("reward", "--task", "grounding", "--pred", SHIFTED, "--gt", gt.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                reward       value  note
                format       1.000  ok
                perception   0.333  predicted (2.00, 1.50, 0.50) 1.00 x 1.00 x 1.00 m
                total        1.333
                """, r.out());
    }

    @Test
    void jsonIsOneObjectAndABoxMayBeAnObjTag(@TempDir Path dir) throws Exception {
        Path gt = write(dir, "gt.json", "{\"box\": \"<obj>75, 75, 50, 50, 50, 100</obj>\", \"bounds\": [0, 0, 0, 5.1, 5.1, 2.55]}");
        MainTest.Result r = run("reward", "--task", "grounding", "--pred", "<obj>100, 75, 50, 50, 50, 100</obj>",
                "--gt", gt.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("grounding", o.get("task").getAsString());
        assertEquals(0.0, o.getAsJsonObject("rewards").get("format").getAsDouble());
        assertEquals(1.0 / 3, o.getAsJsonObject("rewards").get("perception").getAsDouble(), 1e-5);
        assertEquals(1.0 / 3, o.get("total").getAsDouble(), 1e-5);
        assertEquals("no <think> tag", o.getAsJsonObject("notes").get("format").getAsString());
        assertEquals(2.0, o.getAsJsonArray("predicted_box").get(0).getAsDouble(), 1e-5);
        assertEquals(1.5, o.getAsJsonArray("gt_box").get(0).getAsDouble(), 1e-5);
        assertEquals(5.1, o.getAsJsonArray("bounds").get(3).getAsDouble(), 1e-5);
    }

    @Test
    void qaReadsThePredictionFromStandardInputAndScoresTheMeaning(@TempDir Path dir) throws Exception {
        Path gt = write(dir, "gt.json", "{\"answer\": \"two chairs\", \"box\": [1.5, 1.5, 0.5, 1, 1, 1], "
                + "\"bounds\": [0, 0, 0, 5.1, 5.1, 2.55]}");
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream("<think>I count them.</think><answer>two chairs</answer>\n"
                    .getBytes(StandardCharsets.UTF_8)));
            MainTest.Result r = run("reward", "--task", "qa", "--pred", "-", "--gt", gt.toString(), "--json");
            assertEquals(0, r.code(), r.err());
            JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
            // QA is scored on the answer only: the box of the file is not used.
            assertEquals("[format, semantic]", o.getAsJsonObject("rewards").keySet().toString());
            assertEquals(1.0, o.getAsJsonObject("rewards").get("semantic").getAsDouble(), 1e-5);
            assertEquals(2.0, o.get("total").getAsDouble(), 1e-5);
            assertEquals("two chairs", o.get("answer").getAsString());
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void aSceneGivesTheBoundsAndTheObject(@TempDir Path dir) throws Exception {
        Path scan = SharedData.path("scannet/scene0000_02_vert.npy");
        Scene scene = Scenes.load(scan);
        Box3 cabinet = scene.object(1).orElseThrow().box();
        BoxCodec codec = new BoxCodec(scene.bounds());
        String tag = codec.encode(cabinet);
        // What the grid keeps of the cabinet's box: IoU just under 1.
        double expected = codec.decode(tag).iou(cabinet);
        Path gt = write(dir, "gt.json", "{\"object_id\": 1}");
        MainTest.Result r = run("reward", "--task", "grounding", "--pred", "<think>a</think><answer>" + tag + "</answer>",
                "--gt", gt.toString(), "--scene", scan.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(expected, o.getAsJsonObject("rewards").get("perception").getAsDouble(), 1e-6);
        assertTrue(expected > 0.95 && expected < 1, "IoU " + expected);
    }

    @Test
    void badInputIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"{\"box\": [1, 2, 3]}", "grounding", "r1kit: gt.json: \"box\" must be an array of 6 numbers"},
            {"{\"box\": \"<obj>1, 2, 3</obj>\", \"bounds\": [0, 0, 0, 1, 1, 1]}", "grounding",
                "r1kit: gt.json: \"box\": not a box tag <obj>cx, cy, cz, w, h, l</obj>: \"<obj>1, 2, 3</obj>\""},
            {"{\"box\": \"<obj>1, 2, 3, 4, 5, 6</obj>\"}", "grounding",
                "r1kit: gt.json: an <obj> \"box\" is read over the scene bounds: give \"bounds\" or --scene"},
            {"{\"answer\": \"two\"}", "grounding",
                "r1kit: gt.json: grounding is scored on a box: give the ground-truth box and the scene bounds"},
            {"{\"box\": [1, 1, 1, 1, 1, 1], \"bounds\": [0, 0, 0, 2, 2, 2]}", "qa",
                "r1kit: gt.json: qa is scored on a reference answer: give the answer"},
            {"{\"object_id\": 3}", "grounding", "r1kit: gt.json: \"object_id\" names an object of the scene: give --scene"},
            {"[1, 2]", "qa", "r1kit: gt.json: not a JSON object with \"answer\", \"box\", \"bounds\" or \"object_id\""},
            {"{\"answer\": 3}", "qa", "r1kit: gt.json: \"answer\" must be a string"},
        };
        for (String[] c : cases) {
            Path gt = write(dir, "gt.json", c[0]);
            MainTest.Result r = run("reward", "--task", c[1], "--pred", "x", "--gt", gt.toString());
            assertEquals(Main.BAD_INPUT, r.code(), c[0]);
            assertEquals(c[2] + "\n", r.err(), c[0]);
        }
        Path gt = write(dir, "gt.json", "{\"answer\": \"two\"}");
        MainTest.Result r = run("reward", "--task", "counting", "--pred", "x", "--gt", gt.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: unknown task 'counting' (known: dense-caption, object-caption, grounding, qa, dialogue, "
                + "reasoning, planning)\n", r.err());
        r = run("reward", "--task", "qa", "--pred", "x", "--gt", dir.resolve("missing.json").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("r1kit: ") && r.err().contains("missing.json"), r.err());
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
