package io.r1kit.cot;

import io.r1kit.cot.filter.FilterConfig;
import io.r1kit.cot.filter.Reanswerer;
import io.r1kit.cot.filter.Verdict;
import io.r1kit.cot.tasks.Rooms;
import io.r1kit.data.AnnotationFormat;
import io.r1kit.data.Scene30k;
import io.r1kit.data.SceneCaptions;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.task.ReasonedReply;
import io.r1kit.task.ReasoningParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CotEngineTest {

    private final DataEngine engine = new DataEngine(Rooms.GENERATOR, new GraphCotWriter(1), FilterConfig.defaults(),
            Reanswerer.CONCLUSION);

    @Test
    void builtInReasoningIsNumberedStepsEndingOnTheTarget() throws Exception {
        int passed = 0;
        int total = 0;
        for (int seed = 0; seed < 8; seed++) {
            DataEngine.SceneData d = engine.scene(seed);
            for (CotRecord r : d.records()) {
                total++;
                ReasonedReply parsed = ReasoningParser.parse(r.cot()).reasoning().orElseThrow();
                String[] lines = parsed.think().split("\n");
                for (int i = 0; i < lines.length; i++) {
                    assertTrue(lines[i].startsWith("Step " + (i + 1) + ": "), parsed.think());
                }
                if (!r.target().isEmpty()) {
                    assertTrue(lines[lines.length - 1].contains(r.target()), parsed.think());
                }
                assertEquals(6, r.verdicts().size());
                assertTrue(r.verdicts().stream().filter(v -> !v.filter().equals("answer-length")).allMatch(Verdict::pass),
                        r.verdicts() + " " + r.cot());
                passed += r.passed() ? 1 : 0;
            }
        }
        assertTrue(total > 100, "records " + total);
        assertTrue(passed > total / 3, passed + " of " + total + " pass");
    }

    @Test
    void generatedFilesLoadWithThePublicReaders(@TempDir Path dir) throws Exception {
        var summary = engine.generate(6, 40, dir, (done, total, id) -> {});
        long written = 0;
        for (Split s : Split.values()) {
            if (!Files.exists(dir.resolve("scene30k_" + s.slug() + ".jsonl"))) {
                assertEquals(0, summary.getAsJsonObject("splits").getAsJsonObject(s.slug()).get("scenes").getAsInt());
                continue;
            }
            for (String name : InstructionFiles.names(s)) {
                Path f = dir.resolve(name);
                assertEquals(AnnotationFormat.detect(f).orElseThrow(),
                        name.startsWith("scanrefer") ? AnnotationFormat.SCANREFER
                                : name.startsWith("scanqa") ? AnnotationFormat.SCANQA : AnnotationFormat.THREE_D_LLM, name);
                written += AnnotationFormat.detect(f).orElseThrow().read(f).size();
            }
            Path cot = dir.resolve("scene30k_" + s.slug() + ".jsonl");
            List<CotRecord> back = CotRecords.read(cot);
            assertEquals(back.stream().map(CotRecord::toScene30k).toList(), Scene30k.read(cot));
            assertEquals(summary.getAsJsonObject("splits").getAsJsonObject(s.slug()).get("cot_records").getAsInt(), back.size());
        }
        assertTrue(written > 200, "examples " + written);
        assertEquals(6, SceneCaptions.read(dir.resolve("scene_caption.json")).size());
        assertEquals(3, SceneCaptions.read(dir.resolve("scene_caption.json")).get(0).captions().size());
        assertTrue(Files.readString(dir.resolve("engine.json")).contains("\"minThinkWords\": 30"));
    }

    @Test
    void verdictsSurviveTheRoundTrip(@TempDir Path dir) throws Exception {
        GeneratedRoom room = Rooms.first(2).get(1);
        List<CotRecord> records = engine.scene(1).records();
        Path f = dir.resolve("x.jsonl");
        CotRecords.write(f, records);
        assertEquals(records, CotRecords.read(f));
        assertTrue(room.scene().id().startsWith(records.get(0).sceneId().substring(0, 3)));
    }
}
