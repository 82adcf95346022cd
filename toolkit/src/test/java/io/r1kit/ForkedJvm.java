package io.r1kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code main} class of the tests in a child JVM with the test class path, for what must not take the
 * test JVM down with it: native code that may abort, or a process killed on purpose.
 */
public final class ForkedJvm {

    /** How a child JVM ended: its exit code and its standard output and error, merged. */
    public record Result(int exit, String output) {}

    private ForkedJvm() {}

    /** The command line that runs {@code main} with {@code args}. */
    public static List<String> command(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs {@code main} to its end; fails when it takes longer than {@code timeout}. */
    public static Result run(Duration timeout, Class<?> main, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(main, args)).redirectErrorStream(true).start();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            reader.join();
            throw new AssertionError(main.getSimpleName() + " ran past " + timeout.toSeconds() + " s:\n"
                    + new String(out[0], StandardCharsets.UTF_8));
        }
        reader.join();
        return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
    }
}
