package io.r1kit.model.text;

import io.r1kit.ForkedJvm;
import io.r1kit.model.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged tokenizer.json files that made the native tokenizers library abort the JVM (a cut or one changed
 * byte inside the decoder) now end as one-line refusals: loaded in a child JVM, so an abort fails this test
 * instead of ending the test run.
 */
class TokenizerNativeTest {

    /** Loads each file given and prints one line per file: {@code ok}, or {@code refused <message>}. */
    public static void main(String[] files) {
        for (String f : files) {
            try (TextTokenizer t = TextTokenizer.load(Path.of(f))) {
                System.out.println("ok " + t.decode(t.encode("the chair")));
            } catch (CheckpointException e) {
                System.out.println("refused " + e.getMessage());
            } catch (Exception e) {
                System.out.println("other " + e);
            }
        }
    }

    @Test
    void damageInsideTheDecoderIsRefusedNotAborted(@TempDir Path dir) throws Exception {
        WordVocabulary.build(List.of("the chair"), VocabularyConfig.defaults()).save(dir);
        String good = Files.readString(dir.resolve(TextTokenizer.FILE));
        int fuse = good.indexOf("\"Fuse\"");
        List<String> damaged = List.of(good.substring(0, fuse + 3),                         // cut inside the decoder
                good.substring(0, fuse + 3) + "b" + good.substring(fuse + 4),               // one byte: "Fube" (a type)
                good.substring(0, fuse + 6) + "b" + good.substring(fuse + 7),               // one byte: a missing comma
                good);
        List<String> args = new ArrayList<>();
        for (int i = 0; i < damaged.size(); i++) {
            Path d = Files.createDirectories(dir.resolve("case" + i));
            Files.writeString(d.resolve(TextTokenizer.FILE), damaged.get(i));
            args.add(d.toString());
        }
        ForkedJvm.Result r = ForkedJvm.run(Duration.ofSeconds(120), TokenizerNativeTest.class, args.toArray(String[]::new));
        assertEquals(0, r.exit(), "the child JVM did not end normally (134 = aborted by the native library):\n" + r.output());
        List<String> lines = r.output().lines().filter(l -> l.matches("(ok|refused|other) .*")).toList();
        assertEquals(4, lines.size(), r.output());
        assertTrue(lines.get(0).startsWith("refused tokenizer.json: invalid JSON at line"), lines.get(0));
        assertTrue(lines.get(1).startsWith("refused tokenizer.json: decoder.decoders[1].type is \"Fube\""), lines.get(1));
        assertTrue(lines.get(2).startsWith("refused tokenizer.json: invalid JSON at line"), lines.get(2));
        assertEquals("ok the chair", lines.get(3));
    }
}
