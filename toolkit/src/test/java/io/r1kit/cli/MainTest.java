package io.r1kit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    /** Exit code, stdout and stderr of one CLI run. */
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void missingFileIsOneLineNamingIt(@TempDir Path dir) {
        Result r = run("scene", "info", dir.resolve("nope.ply").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("", r.out());
        assertEquals("r1kit: nope.ply: no such file or folder (" + dir.resolve("nope.ply").toAbsolutePath() + ")\n",
                r.err());
    }

    @Test
    void aFileJavaCannotOpenIsNamedWithTheReason(@TempDir Path dir) {
        Path gt = dir.resolve("gt.json");
        Result r = run("reward", "--task", "grounding", "--gt", gt.toString(), "--pred", "x");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: " + gt + ": not found\n", r.err());
        assertEquals(dir + ": Is a directory",
                Main.oneLine(new java.nio.file.FileSystemException(dir.toString(), null, "Is a directory")));
    }

    /** A command that fails the way its argument says, with a real error of the JVM. */
    @picocli.CommandLine.Command(name = "fail")
    static final class Failing implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Parameters
        String how;

        private static int deeper(int n) {
            return deeper(n + 1) + 1;
        }

        @Override
        public Integer call() {
            return switch (how) {
                case "stack" -> deeper(0);
                case "memory" -> new long[Integer.MAX_VALUE - 2].length;
                default -> throw new IllegalStateException("line one\nline two\u001b[31m");
            };
        }
    }

    private static Result fail(String how) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new picocli.CommandLine(new Failing()), new PrintWriter(out, true), new PrintWriter(err, true),
                how);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void errorsOfTheJvmAreOneLineAndNoTrace() {
        Result stack = fail("stack");
        assertEquals(Main.BAD_INPUT, stack.code());
        assertEquals("r1kit: ran out of stack (StackOverflowError), as on input nested too deeply; set R1KIT_DEBUG=1"
                + " for the stack trace\n", stack.err());
        Result memory = fail("memory");
        assertEquals(Main.BAD_INPUT, memory.code());
        assertTrue(memory.err().matches("r1kit: ran out of memory \\(OutOfMemoryError: [^\n]+\\); give Java more with"
                + " R1KIT_JAVA_OPTS=-Xmx8g or use a smaller input; set R1KIT_DEBUG=1 for the stack trace\n"), memory.err());
        assertEquals("r1kit: line one line two [31m\n", fail("other").err());
        assertEquals("", stack.out() + memory.out());
        assertEquals("boom (InternalError; set R1KIT_DEBUG=1 for the stack trace)",
                Main.oneLine(new InternalError("boom")));
        assertEquals("static state broken",
                Main.oneLine(new ExceptionInInitializerError(new IllegalStateException("static state broken"))));
    }

    @Test
    void versionAndHelp() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("r1kit "), r.out());
        r = run("scene", "info", "--help");
        assertTrue(r.out().contains("--json"), r.out());
    }

    @Test
    void everyCommandsHelpFormatsCleanly() {
        // a bare '%' in a description makes picocli print a warning and show the text unformatted
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        java.util.List<String> checked = new java.util.ArrayList<>();
        try {
            System.setErr(new java.io.PrintStream(warnings, true));
            java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
            todo.add(new picocli.CommandLine(new Main()));
            while (!todo.isEmpty()) {
                picocli.CommandLine c = todo.pop();
                String usage = c.getUsageMessage();
                assertTrue(!usage.contains("%n") && !usage.contains("%%"), c.getCommandName() + ": " + usage);
                checked.add(c.getCommandName());
                todo.addAll(c.getSubcommands().values());
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", warnings.toString(), "picocli warned while formatting the help");
        assertTrue(checked.containsAll(java.util.List.of("evaluate", "grpo", "r1")), checked.toString());
    }

    @Test
    void engineStartsOfflineAndReportsJson() {
        Result r = run("engine", "--json");
        assertEquals(0, r.code(), r.err());
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("PyTorch", o.get("engine").getAsString());
        assertEquals("2.7.1", o.get("version").getAsString());
        assertEquals("cpu()", o.get("device").getAsString());
        assertTrue(o.get("offline").getAsBoolean());
    }
}
