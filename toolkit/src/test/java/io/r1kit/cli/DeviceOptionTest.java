package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.DeviceChoice;
import io.r1kit.model.Engines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceOptionTest {

    @AfterEach
    void backToAuto() {
        Engines.use(DeviceChoice.AUTO);
    }

    @Test
    void engineRunsOnTheCpuWhenAskedOrWhenAutoFindsNoGpu() {
        for (String choice : new String[] {"cpu", "auto"}) {
            MainTest.Result r = run("engine", "--device", choice, "--json");
            assertEquals(0, r.code(), r.err());
            JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
            assertEquals("cpu()", o.get("device").getAsString());
            assertEquals(choice, o.get("choice").getAsString());
            assertFalse(o.get("cuda").getAsBoolean());
        }
        MainTest.Result text = run("engine", "--device", "cpu");
        assertTrue(text.out().contains("on cpu() (device cpu), 0 GPUs"), text.out());
        assertTrue(text.out().contains("libtorch ") && text.out().contains("(CPU only)"), text.out());
    }

    @Test
    void aGpuRequestWithoutAGpuIsOneLineAndExitCodeOne(@TempDir Path dir) throws Exception {
        for (String[] args : new String[][] {
                {"engine", "--device", "gpu"},
                {"ask", "--room", "bedroom:7", "--task", "grounding", "the lamp", "--device", "gpu"},
                {"model", "evaluate", "--rooms", "1", "--device", "gpu"},
                {"train", "grpo", "--config", dir.resolve("none.json").toString(), "--out",
                        dir.resolve("out").toString(), "--device", "gpu"}}) {
            MainTest.Result r = run(args);
            assertEquals(Main.BAD_INPUT, r.code(), String.join(" ", args));
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("r1kit: device gpu: no GPU is usable: the libtorch loaded is CPU-only"),
                    r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        assertFalse(Files.exists(dir.resolve("out")), "no work started");
    }

    @Test
    void anUnknownDeviceNamesTheThreeChoices() {
        MainTest.Result r = run("bench", "ask", "--device", "tpu");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: unknown device 'tpu': use cpu, gpu or auto\n", r.err());
    }

    @Test
    void askAnswersOnTheCpuWhenAskedTo() {
        MainTest.Result r = run("ask", "--room", "bedroom:7", "--task", "grounding", "the lamp", "--device", "cpu",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(o.has("answer"), r.out());
        assertEquals(DeviceChoice.CPU, Engines.choice());
    }
}
