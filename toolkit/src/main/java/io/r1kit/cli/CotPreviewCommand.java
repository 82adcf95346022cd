package io.r1kit.cli;

import io.r1kit.cot.CotRecord;
import io.r1kit.cot.preview.RecordCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        RecordCard card = RecordCard.read(file, index);
        CotRecord record = card.record();
        boolean picture = card.image().isPresent();
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + file.getFileName() + " #" + index
                + "</title></head><body>" + card.toHtml() + "</body></html>\n";
        Files.writeString(out, html, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println(picture
                ? "wrote " + out + " with " + record.sceneId() + " rendered, target highlighted"
                : "wrote " + out + " without a picture (no engine.json beside " + file.getFileName() + " to regenerate the room)");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
