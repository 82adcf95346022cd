package io.r1kit.fuzz;

import io.r1kit.model.text.TextTokenizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of the tokenizer.json fuzz cases: loads each file of a folder, encodes and decodes a sentence,
 * and prints one line per file: {@code loaded}, {@code refused} or {@code finding}, with the file's name.
 */
public final class TokenizerCases {

    private TokenizerCases() {}

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (var s = Files.list(Path.of(args[0]))) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            String line;
            try (TextTokenizer t = TextTokenizer.load(f)) {
                t.decode(t.encode("the chair is near the red table <obj>1, 2</obj>"));
                line = "loaded " + f.getFileName();
            } catch (Throwable e) {
                String finding = Outcome.finding(e, false);
                line = finding == null ? "refused " + f.getFileName() : "finding " + f.getFileName() + ": " + finding;
            }
            System.out.println(line);
            System.out.flush();
        }
    }
}
