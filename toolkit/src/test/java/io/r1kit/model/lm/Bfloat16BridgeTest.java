package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.Engines;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why {@link ComputeDtype#BFLOAT16} is refused: in a forked JVM (an abort here would end the test
 * run), making one bfloat16 array through DJL's PyTorch bridge kills the process. When a DJL upgrade
 * makes this pass instead, this test fails: lift the refusal in {@link ComputeDtype#requireSupported}.
 */
class Bfloat16BridgeTest {

    /** Run in the forked JVM: a float16 array (works), then a bfloat16 one (aborts on DJL 0.36). */
    public static void main(String[] args) {
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), Engines.ENGINE)) {
            float[] half = m.ones(new Shape(2)).toType(DataType.FLOAT16, false)
                    .toType(DataType.FLOAT32, false).toFloatArray();
            System.out.println("float16 ok " + half[0]);
            System.out.flush();
            m.zeros(new Shape(2), DataType.BFLOAT16);
            System.out.println("bfloat16 ok");
        }
    }

    @Test
    void makingABfloat16ArrayAbortsTheJvm() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Bfloat16BridgeTest.class.getName())).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.contains("float16 ok 1.0"), out);
        assertTrue(!out.contains("bfloat16 ok"), "bfloat16 now works through the bridge: lift the refusal\n" + out);
        assertEquals(134, p.exitValue(), out); // SIGABRT: std::terminate in the native bridge
    }
}
