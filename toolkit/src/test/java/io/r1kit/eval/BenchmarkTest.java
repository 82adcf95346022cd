package io.r1kit.eval;

import io.r1kit.SharedData;
import io.r1kit.data.DataFormatException;
import io.r1kit.data.ScanQa;
import io.r1kit.data.ScanQaEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The task protocols on shared samples, fixtures and hand-made files. */
class BenchmarkTest {

    @TempDir
    Path dir;

    private static Map<String, Double> byName(List<MetricScore> scores) {
        return scores.stream().collect(Collectors.toMap(MetricScore::name, MetricScore::score));
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(BenchmarkTest.class.getResource("/io/r1kit/data/" + name).toURI());
    }

    @Test
    void threeDLlmWithEachRecordsFirstAnswer() throws Exception {
        Path gt = SharedData.path("annotations/3d_llm_question_answer_val.sample.json");
        List<io.r1kit.data.ThreeDLlmEntry> records = io.r1kit.data.ThreeDLlm.read(gt);
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < records.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(i).append("\": ")
                    .append(new com.google.gson.Gson().toJson(List.of(records.get(i).answers().get(0))));
        }
        Path pred = Files.writeString(dir.resolve("pred.json"), json.append('}').toString());
        Map<String, Double> s = byName(Benchmark.THREEDLLM.run(pred, gt));
        // Each candidate is one of its references: every unigram matches and the closest reference
        // length is its own, so BLEU-1 is 1 up to the scorer's 1e-9 guard; EM@1 is 1.
        assertEquals(1.0, s.get("BLEU-1"), 1e-9);
        assertEquals(1.0, s.get("EM@1"));
        assertEquals(1.0, s.get("EM-R"));
    }

    @Test
    void scanQaFixtureWithOneWrongAnswer() throws Exception {
        Path gt = fixture("ScanQA_v1.0_val.json");
        Map<String, ScanQaEntry> entries = ScanQa.read(gt).stream()
                .collect(Collectors.toMap(ScanQaEntry::questionId, Function.identity()));
        StringBuilder json = new StringBuilder("{");
        int i = 0;
        for (ScanQaEntry e : entries.values()) {
            String answer = e.questionId().equals("val-scene0003_00-0") ? "table" : e.answers().get(0);
            json.append(i++ == 0 ? "" : ",").append('"').append(e.questionId()).append("\": [\"").append(answer).append("\"]");
        }
        Path pred = Files.writeString(dir.resolve("pred.json"), json.append('}').toString());
        Map<String, Double> s = byName(Benchmark.SCANQA.run(pred, gt));
        // "table" vs "brown wooden table" / "wooden table": not exact, but contained.
        assertEquals((entries.size() - 1.0) / entries.size(), s.get("EM@1"), 1e-12);
        assertEquals(1.0, s.get("EM-R"), 1e-12);
    }

    @Test
    void nr3dSplits() throws Exception {
        // Targets 5, 12, 4, 6; hard: records 1 and 3; view-dependent: record 0.
        Path pred = Files.writeString(dir.resolve("pred.json"), "{\"0\": 5, \"1\": 1, \"2\": 4, \"3\": 7}");
        Map<String, Double> s = byName(Benchmark.NR3D.run(pred, fixture("nr3d.csv")));
        assertEquals(0.5, s.get("Acc overall"));
        assertEquals(1.0, s.get("Acc easy"));
        assertEquals(0.0, s.get("Acc hard"));
        assertEquals(1.0, s.get("Acc view-dependent"));
        assertEquals(1.0 / 3, s.get("Acc view-independent"), 1e-12);
    }

    @Test
    void scan2CapZeroesCaptionsOfPoorBoxes() throws Exception {
        // Both captions are perfect (ROUGE-L 1); box b has IoU 1/3: it counts at 0.25, not at 0.5.
        Path pred = Files.writeString(dir.resolve("pred.json"),
                "{\"a\": {\"caption\": \"a red chair\", \"box\": [0,0,0,1,1,1]},"
                        + " \"b\": {\"caption\": \"a wooden table\", \"box\": [0.5,0,0,1,1,1]}}");
        Path gt = Files.writeString(dir.resolve("gt.json"),
                "{\"a\": {\"captions\": [\"a red chair\"], \"box\": [0,0,0,1,1,1]},"
                        + " \"b\": {\"captions\": [\"a wooden table\"], \"box\": [0,0,0,1,1,1]}}");
        Map<String, Double> s = byName(Benchmark.SCAN2CAP.run(pred, gt));
        assertEquals(1.0, s.get("ROUGE-L@0.25"), 1e-12);
        assertEquals(0.5, s.get("ROUGE-L@0.5"), 1e-12);
    }

    @Test
    void repeatedIdIsAnError() throws Exception {
        Path f = Files.writeString(dir.resolve("p.json"), "{\"a\": [\"x\"], \"a\": [\"y\"]}");
        DataFormatException e = assertThrows(DataFormatException.class, () -> EvalFiles.readTexts(f));
        assertEquals("p.json: id \"a\" appears twice", e.getMessage());
        Path g = Files.writeString(dir.resolve("q.json"), "{\"\\u001b[2J\\n\": [\"x\"], \"\\u001b[2J\\n\": [\"y\"]}");
        assertEquals("q.json: id \"?[2J?\" appears twice",
                assertThrows(DataFormatException.class, () -> EvalFiles.readTexts(g)).getMessage());
    }

    @Test
    void unknownBenchmarkNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Benchmark.parse("scannet"));
        assertEquals("unknown benchmark \"scannet\": use one of scanrefer, scanqa, sqa3d, nr3d, scan2cap, 3dllm",
                e.getMessage());
    }
}
