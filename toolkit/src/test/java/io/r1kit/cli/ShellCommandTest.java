package io.r1kit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellCommandTest {

    private static Path script(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Runs {@code r1kit shell FILE}; the script's own printing (System.out of this JVM) is the result's out. */
    private static MainTest.Result shell(Path file) {
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            MainTest.Result r = run("shell", file.toString());
            return new MainTest.Result(r.code(), r.out() + printed.toString(java.nio.charset.StandardCharsets.UTF_8),
                    r.err());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void aScriptRunsWithTheToolkitImportedStatementByStatement(@TempDir Path dir) throws Exception {
        Path ok = script(dir, "ok.jsh", """
                // the facade is imported
                var room = R1.scene("kitchen:3");
                System.out.println(room.name());

                int x = 2 +
                    3;
                System.out.println(x);
                """);
        MainTest.Result r = shell(ok);
        assertEquals(0, r.code(), r.err());
        assertEquals("kitchen:3\n5\n", r.out());
    }

    @Test
    void theFirstErrorStopsTheScriptWithOneLineNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path throwing = script(dir, "boom.jsh", "System.out.println(\"one\");\nR1.scene(\"kitchen:3\").render(99);\n"
                + "System.out.println(\"never\");\n");
        MainTest.Result r = shell(throwing);
        assertEquals(1, r.code());
        assertEquals("one\n", r.out());
        assertEquals("r1kit: " + throwing + ":2: java.lang.IllegalArgumentException: view 99 must be in 0..23 "
                + "(the candidate views of view selection)\n", r.err());

        Path wrong = script(dir, "bad.jsh", "int a = 1;\nnoSuchMethod(a);\n");
        r = shell(wrong);
        assertEquals(1, r.code());
        assertEquals("r1kit: " + wrong + ":2: cannot find symbol\n", r.err());

        Path command = script(dir, "cmd.jsh", "int a = 1;\n/vars\n");
        r = shell(command);
        assertEquals("r1kit: " + command + ":2: /vars is a JShell command; a script takes Java statements and /exit\n",
                r.err());

        r = shell(dir.resolve("missing.jsh"));
        assertEquals(1, r.code());
        assertEquals("r1kit: missing.jsh: not found\n", r.err());
    }

    @Test
    void exitEndsTheScriptEarlyWithCodeZero(@TempDir Path dir) throws Exception {
        MainTest.Result r = shell(script(dir, "exit.jsh", "System.out.println(\"a\");\n/exit\n"
                + "System.out.println(\"b\");\n"));
        assertEquals(0, r.code(), r.err());
        assertEquals("a\n", r.out());
        assertFalse(r.err().contains("Exception"));
        assertTrue(r.err().isEmpty(), r.err());
    }
}
