package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.cot.CotRecord;
import io.r1kit.cot.CotRecords;
import io.r1kit.cot.preview.RecordCard;
import io.r1kit.cot.preview.RecordPictures;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code r1kit cot preview FILE [--index I] --out F.html}: one record as an HTML card, with the room
 * rendered and the target highlighted when {@code engine.json} (written by {@code cot generate})
 * lies beside the file.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Write one CoT record (question, numbered steps, answer, filter verdicts) as an HTML page; "
                + "with engine.json beside FILE, the room is regenerated and shown with the target highlighted.")
final class CotPreviewCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--index", defaultValue = "0", description = "record number, from 0")
    int index;

    @Option(names = "--out", required = true, description = "the HTML file to write")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<CotRecord> records = CotRecords.read(file);
        if (index < 0 || index >= records.size()) {
            throw new IllegalArgumentException(file.getFileName() + ": no record " + index + " (it has " + records.size() + ")");
        }
        CotRecord record = records.get(index);
        Path engine = file.toAbsolutePath().resolveSibling("engine.json");
        BufferedImage picture = Files.exists(engine) ? picture(engine, record) : null;
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + file.getFileName() + " #" + index
                + "</title></head><body>" + RecordCard.of(record, picture).toHtml() + "</body></html>\n";
        Files.writeString(out, html, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println(picture != null
                ? "wrote " + out + " with " + record.sceneId() + " rendered, target highlighted"
                : "wrote " + out + " without a picture (no engine.json beside " + file.getFileName() + " to regenerate the room)");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The record's room, regenerated with the generator config {@code cot generate} recorded. */
    private static BufferedImage picture(Path engineJson, CotRecord record) throws IOException {
        GeneratorConfig config;
        try {
            JsonObject engine = JsonParser.parseString(Files.readString(engineJson, StandardCharsets.UTF_8)).getAsJsonObject();
            if (!engine.has("generator")) {
                throw new IllegalArgumentException("no \"generator\" object");
            }
            config = GeneratorConfig.fromJson(engine.get("generator").toString());
        } catch (RuntimeException e) {
            throw new IOException(engineJson.getFileName() + ": " + e.getMessage(), e);
        }
        GeneratedRoom room = new SceneGenerator(config).generate(record.sceneId());
        return RecordPictures.of(room, record);
    }
}
