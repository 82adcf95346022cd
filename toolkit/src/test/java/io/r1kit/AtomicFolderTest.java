package io.r1kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFolderTest {

    private static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousFolderWholeAndNothingBeside(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("ckpt");
        AtomicFolder.replace(out, d -> Files.writeString(d.resolve("model.bin"), "good"));
        assertEquals("good", Files.readString(out.resolve("model.bin")));
        IOException e = assertThrows(IOException.class, () -> AtomicFolder.replace(out, d -> {
            Files.writeString(d.resolve("model.bin"), "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("good", Files.readString(out.resolve("model.bin")));
        assertEquals(List.of("model.bin"), names(out));
        assertEquals(List.of("ckpt"), names(tmp));
        AtomicFolder.replace(out, d -> Files.writeString(d.resolve("other.bin"), "new"));
        assertEquals(List.of("other.bin"), names(out));   // replaced as a whole, not merged
        assertEquals(List.of("ckpt"), names(tmp));
    }

    @Test
    void aReplacementCutBetweenItsRenamesIsPutBackAndStaleWritesAreCleared(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("ckpt");
        AtomicFolder.replace(out, d -> Files.writeString(d.resolve("model.bin"), "good"));
        Files.move(out, tmp.resolve(".ckpt.old-123"));                     // killed after the first rename
        Files.createDirectories(tmp.resolve(".ckpt.writing-456"));          // and a write that never finished
        AtomicFolder.recover(out);
        assertEquals("good", Files.readString(out.resolve("model.bin")));
        AtomicFolder.replace(out, d -> Files.writeString(d.resolve("model.bin"), "next"));
        assertEquals(List.of("ckpt"), names(tmp));
        assertEquals("next", Files.readString(out.resolve("model.bin")));
    }

    @Test
    void aReaderPutsBackAFolderCutBetweenItsRenamesAndDeletesNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("ckpt");
        Files.createDirectories(tmp.resolve(".ckpt.old-1"));
        Files.writeString(tmp.resolve(".ckpt.old-1").resolve("model.bin"), "good");
        Files.createDirectories(tmp.resolve(".ckpt.writing-2"));
        AtomicFolder.restore(out);
        assertEquals("good", Files.readString(out.resolve("model.bin")));
        assertEquals(List.of(".ckpt.writing-2", "ckpt"), names(tmp));
        Files.createDirectories(tmp.resolve(".ckpt.old-3"));             // beside a whole folder: left alone
        AtomicFolder.restore(out);
        assertEquals(List.of(".ckpt.old-3", ".ckpt.writing-2", "ckpt"), names(tmp));
        AtomicFolder.recover(out);                                         // a writer's recovery clears it
        assertEquals(List.of(".ckpt.writing-2", "ckpt"), names(tmp));
    }

    @Test
    void aWriterWhoseFolderAReaderPutBackBetweenTheRenamesSwapsAgain(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("ckpt");
        AtomicFolder.replace(out, d -> Files.writeString(d.resolve("model.bin"), "good"));
        List<AtomicFolder.Step> seen = new ArrayList<>();
        AtomicFolder.steps = (step, target) -> {
            seen.add(step);
            if (step == AtomicFolder.Step.MOVED_ASIDE && seen.indexOf(step) == seen.size() - 1) {
                try {
                    AtomicFolder.restore(target);                            // a reader in the window
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                assertEquals("good", assertDoesNotThrow(() -> Files.readString(out.resolve("model.bin"))));
            }
        };
        try {
            AtomicFolder.replace(out, d -> Files.writeString(d.resolve("model.bin"), "next"));
        } finally {
            AtomicFolder.steps = (step, target) -> { };
        }
        assertEquals("next", Files.readString(out.resolve("model.bin")));
        assertEquals(List.of("ckpt"), names(tmp));
        assertEquals(List.of(AtomicFolder.Step.WRITING, AtomicFolder.Step.WRITTEN, AtomicFolder.Step.MOVED_ASIDE,
                AtomicFolder.Step.MOVED_ASIDE, AtomicFolder.Step.MOVED_IN), seen);
    }
}
