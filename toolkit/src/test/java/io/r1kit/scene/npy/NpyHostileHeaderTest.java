package io.r1kit.scene.npy;

import io.r1kit.scene.SceneFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors about a .npy header quote it bounded, on one line and without control characters. */
class NpyHostileHeaderTest {

    @TempDir
    Path dir;

    private String problem(Path f) {
        String m = assertThrows(SceneFormatException.class, () -> NpyReader.read(f)).getMessage();
        assertFalse(m.chars().anyMatch(c -> c < 0x20 || c == 0x7f), m);
        assertTrue(m.length() < 240, m.length() + " characters: " + m.substring(0, Math.min(m.length(), 300)));
        return m;
    }

    @Test
    void aHugeHeaderIsRefusedBeforeItIsRead() throws Exception {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': '" + "a".repeat(200_000) + "'}";
        Path f = NpyBytes.write(dir.resolve("big.npy"), 2, header, new byte[4]);
        assertEquals("big.npy: header of 200,065 bytes is longer than the 65,536 a .npy array needs (the file is damaged)",
                problem(f));
    }

    @Test
    void aLongMalformedHeaderIsQuotedShort() throws Exception {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': " + "(".repeat(60_000) + "}";
        String m = problem(NpyBytes.write(dir.resolve("long.npy"), 2, header, new byte[4]));
        assertTrue(m.startsWith("long.npy: malformed header (a shape entry is not a non-negative integer at character "), m);
    }

    @Test
    void escapeSequencesAndNewlinesNeverReachTheMessage() throws Exception {
        String header = "{'descr': '\u001b]0;owned\u0007\u001b[2J<f4',\n 'fortran_order': False,\r\n 'shape': (1,), }";
        String m = problem(NpyBytes.write(dir.resolve("esc.npy"), 1, header, new byte[4]));
        assertTrue(m.startsWith("esc.npy: unsupported dtype '?]0;owned??[2J<f4'"), m);
        String bad = "{'descr': '<f4', 'fortran_order': Fa\u001b[31mlse,\n 'shape': (1,), }";
        String m2 = problem(NpyBytes.write(dir.resolve("esc2.npy"), 1, bad, new byte[4]));
        assertTrue(m2.contains("malformed header") && m2.contains("Fa?[31mlse,? 'shape'"), m2);
    }

    @Test
    void aShapeOfTooManyDimensionsIsRefused() throws Exception {
        String shape = "(" + "1, ".repeat(100) + ")";
        String m = problem(NpyBytes.write(dir.resolve("dims.npy"), 1, NpyBytes.dict("<f4", false, shape),
                NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, 1)));
        assertTrue(m.startsWith("dims.npy: malformed header (a shape of more than 64 dimensions at character"), m);
    }
}
