package io.r1kit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalCommandTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void rougeAsJson() throws Exception {
        Path p = write("p.json", "{\"1\": [\"a b c d\"]}");
        Path g = write("g.json", "{\"1\": [\"a c e\"]}");
        String[] r = run("eval", "--metric", "rouge", "--pred", p.toString(), "--gt", g.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        double pr = 0.5;
        double rc = 2.0 / 3;
        assertTrue(r[1].contains("\"ROUGE-L\": " + (2.44 * pr * rc / (rc + 1.44 * pr))), r[1]);
    }

    @Test
    void meteorNamesItsModulesAndABadDataFolder() throws Exception {
        Path p = write("p.json", "{\"1\": [\"red chairs\"]}");
        Path g = write("g.json", "{\"1\": [\"red chair\"]}");
        String[] r = run("eval", "--metric", "meteor", "--pred", p.toString(), "--gt", g.toString(),
                "--meteor-data", dir.resolve("nowhere").toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].strip().endsWith("r1kit: " + dir.resolve("nowhere").toAbsolutePath().resolve("meteor-1.5.jar")
                + ": not found (METEOR data is read from pycocoevalcap's meteor folder: it holds meteor-1.5.jar "
                + "and data/paraphrase-en.gz)"), r[2]);
        if (io.r1kit.eval.MeteorResources.configuredFolder().isEmpty()) {
            r = run("eval", "--metric", "meteor", "--pred", p.toString(), "--gt", g.toString());
            assertEquals("meteor  (1 samples)\nMETEOR                   0.800000\nMETEOR modules: exact and stem "
                    + "modules (no synonym or paraphrase data: see MeteorResources)", r[1].strip());
        }
    }

    @Test
    void missingIdNamesThePredictionFile() throws Exception {
        Path p = write("p.json", "{\"1\": [\"a chair\"]}");
        Path g = write("g.json", "{\"1\": [\"a chair\"], \"2\": [\"a table\"]}");
        String[] r = run("eval", "--metric", "bleu", "--pred", p.toString(), "--gt", g.toString());
        assertEquals("1", r[0]);
        assertEquals("r1kit: p.json: 1 id(s) have references but no prediction, e.g. \"2\"", r[2].strip());
    }

    @Test
    void emptyReferenceNamesTheGroundTruth() throws Exception {
        Path p = write("p.json", "{\"1\": [\"a chair\"]}");
        Path g = write("g.json", "{\"1\": [\"\"]}");
        String[] r = run("eval", "--metric", "cider", "--pred", p.toString(), "--gt", g.toString());
        assertEquals("r1kit: g.json: id \"1\": reference 1 is empty after tokenisation (\"\")", r[2].strip());
    }

    @Test
    void nonUtf8IsRejected() throws Exception {
        Path p = dir.resolve("p.json");
        Files.write(p, new byte[] {'{', '"', '1', '"', ':', '[', '"', (byte) 0xE9, '"', ']', '}'});
        Path g = write("g.json", "{\"1\": [\"a chair\"]}");
        String[] r = run("eval", "--metric", "em", "--pred", p.toString(), "--gt", g.toString());
        assertEquals("1", r[0]);
        assertEquals("r1kit: p.json: not UTF-8 text", r[2].strip());
    }

    @Test
    void scanReferBenchmark() throws Exception {
        Path p = write("p.json", "{\"a\": [0,0,0,1,1,1], \"b\": [0.5,0,0,1,1,1]}");
        Path g = write("g.json", "{\"a\": {\"box\": [0,0,0,1,1,1], \"unique\": true},"
                + " \"b\": {\"box\": [0,0,0,1,1,1], \"unique\": false}}");
        String[] r = run("eval", "--benchmark", "scanrefer", "--pred", p.toString(), "--gt", g.toString());
        assertEquals("0", r[0], r[2]);
        // a: IoU 1 (unique); b: IoU 1/3 (multiple).
        assertTrue(r[1].matches("(?s).*Acc@0\\.5 overall +0\\.500000.*"), r[1]);
        assertTrue(r[1].matches("(?s).*Acc@0\\.25 multiple +1\\.000000.*"), r[1]);
        assertTrue(r[1].matches("(?s).*Acc@0\\.5 multiple +0\\.000000.*"), r[1]);
    }

    @Test
    void sqa3dBenchmarkOnSharedSample() throws Exception {
        Path gt = io.r1kit.SharedData.path("annotations/sqa3d_annotations_test.sample.json");
        // Predict "piano" for the first question only: ids must cover every question, so this fails.
        Path p = write("p.json", "{\"220602000002\": [\"piano\"]}");
        String[] r = run("eval", "--benchmark", "sqa3d", "--pred", p.toString(), "--gt", gt.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("r1kit: p.json: 99 id(s) have references but no prediction"), r[2]);
    }
}
