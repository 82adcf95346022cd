package io.r1kit.cli;

import io.r1kit.cot.CotRecord;
import io.r1kit.cot.CotRecords;
import io.r1kit.cot.preview.RecordCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code r1kit cot preview FILE [--index I] --out F.html}: one record as an HTML card. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Write one CoT record (question, numbered steps, answer, filter verdicts) as an HTML page.")
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
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + file.getFileName() + " #" + index
                + "</title></head><body>" + RecordCard.of(records.get(index)).toHtml() + "</body></html>\n";
        Files.writeString(out, html, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
