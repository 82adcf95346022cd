package io.r1kit.magics;

import io.r1kit.model.DeviceChoice;
import io.r1kit.model.Engines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceCommandTest {

    @AfterEach
    void backToAuto() {
        Engines.use(DeviceChoice.AUTO);
    }

    @Test
    void namesTheDeviceAndSwitchesToTheCpu() throws Exception {
        String now = (String) new R1Magic().run(List.of("device"));
        assertTrue(now.startsWith("PyTorch 2.7.1 on cpu() (device auto)"), now);
        String cpu = (String) new R1Magic().run(List.of("device", "cpu"));
        assertEquals("PyTorch 2.7.1 on cpu() (device cpu), 0 GPUs", cpu);
        assertEquals(DeviceChoice.CPU, Engines.choice());
    }

    @Test
    void aGpuWithoutOneIsOneLineAndLeavesTheDevice() throws Exception {
        new R1Magic().run(List.of("device", "cpu"));
        MagicError e = assertThrows(MagicError.class, () -> new R1Magic().run(List.of("device", "gpu")));
        assertTrue(e.getMessage().startsWith("%r1 device gpu: no GPU is usable: the libtorch loaded is CPU-only"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals(DeviceChoice.CPU, Engines.choice());
    }

    @Test
    void badArgumentsShowTheUsage() throws Exception {
        MagicError e = assertThrows(MagicError.class, () -> new R1Magic().run(List.of("device", "cpu", "gpu")));
        assertEquals("usage: %r1 device [cpu|gpu|auto] (got cpu gpu)", e.getMessage());
        e = assertThrows(MagicError.class, () -> new R1Magic().run(List.of("device", "tpu")));
        assertEquals("%r1 unknown device 'tpu': use cpu, gpu or auto", e.getMessage());
        assertTrue(((String) new R1Magic().run(List.of("device", "--help"))).startsWith("usage: %r1 device"));
    }
}
