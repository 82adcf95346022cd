package io.r1kit.cli;

import com.google.gson.JsonObject;
import io.r1kit.cot.CotRecord;
import io.r1kit.cot.CotRecords;
import io.r1kit.cot.DataEngine;
import io.r1kit.cot.GraphCotWriter;
import io.r1kit.cot.filter.CotFilter;
import io.r1kit.cot.filter.FilterConfig;
import io.r1kit.cot.filter.Reanswerer;
import io.r1kit.scene.gen.SceneGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code r1kit cot filter IN OUT}: re-judge CoT records and keep those passing every filter. */
@Command(name = "filter", mixinStandardHelpOptions = true,
        description = "Apply the CoT filters (format, think/answer length, step cues, target in last step, consistency) "
                + "to a Scene-30K jsonl file and write the records that pass all of them, with their verdicts.")
final class CotFilterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT")
    Path outFile;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        List<CotRecord> records = CotRecords.read(in);
        DataEngine engine = new DataEngine(new SceneGenerator(), new GraphCotWriter(0), FilterConfig.defaults(),
                Reanswerer.CONCLUSION);
        List<CotRecord> judged = engine.refilter(records);
        List<CotRecord> kept = judged.stream().filter(CotRecord::passed).toList();
        CotRecords.write(outFile, kept);
        JsonObject o = new JsonObject();
        o.addProperty("in", records.size());
        o.addProperty("kept", kept.size());
        JsonObject per = new JsonObject();
        for (CotFilter f : engine.filters()) {
            per.addProperty(f.name(), judged.stream().filter(r -> r.verdicts().stream()
                    .anyMatch(v -> v.filter().equals(f.name()) && v.pass())).count());
        }
        o.add("passing", per);
        output.print(() -> {
            StringBuilder sb = new StringBuilder("kept " + kept.size() + " of " + records.size() + " records -> " + outFile);
            per.entrySet().forEach(e -> sb.append(String.format("%n  %-17s passes %d", e.getKey(), e.getValue().getAsInt())));
            return sb.toString();
        }, o::toString);
        return 0;
    }
}
