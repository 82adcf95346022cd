package io.r1kit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The experiment's command line: its arms' flags, and bad input as one line that names the problem. */
class ExperimentR1CommandTest {

    @Test
    void helpNamesEachArmsFlag() {
        MainTest.Result r = run("experiment", "r1", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("--no-control"), r.out());
        assertTrue(r.out().contains("--without-rewards"), r.out());
        assertTrue(r.out().contains("--average"), r.out());
        assertTrue(r.out().contains("--control-final-rate"), r.out());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("with every reward weighted 0 and no dynamic sampling"),
                r.out());
    }

    @Test
    void badInputIsOneLine(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("r.json");
        Files.writeString(f, "{\"epsilon\": 1.5}");
        MainTest.Result bad = run("experiment", "r1", "--config", f.toString(), "--out", tmp.resolve("o").toString(),
                "--without-rewards");
        assertEquals(1, bad.code());
        assertEquals("r1kit: " + f + ": epsilon 1.5 is outside (0, 1); 0.2 is usual", bad.err().strip());

        Files.writeString(f, "{}");
        MainTest.Result none = run("experiment", "r1", "--config", f.toString(), "--out", tmp.resolve("o").toString(),
                "--seeds", "0");
        assertEquals(1, none.code());
        assertEquals("r1kit: seeds must be at least 1, got 0", none.err().strip());
        MainTest.Result one = run("experiment", "r1", "--config", f.toString(), "--out", tmp.resolve("o").toString(),
                "--average");
        assertEquals(1, one.code());
        assertEquals("r1kit: averaging the seeds needs two seeds or more, got 1", one.err().strip());
        MainTest.Result rate = run("experiment", "r1", "--config", f.toString(), "--out", tmp.resolve("o").toString(),
                "--control-final-rate", "2");
        assertEquals(1, rate.code());
        assertEquals("r1kit: the control's final rate is a fraction of its rate: give 0..1, got 2.0", rate.err().strip());
        assertFalse(Files.exists(tmp.resolve("o")));
    }
}
