package io.r1kit.model;

import ai.djl.Device;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceChoiceTest {

    @AfterEach
    void backToAuto() {
        Engines.use(DeviceChoice.AUTO);
    }

    @Test
    void parsesTheThreeNamesAndRefusesOthersInOneLine() {
        assertEquals(DeviceChoice.CPU, DeviceChoice.parse(" CPU "));
        assertEquals(DeviceChoice.GPU, DeviceChoice.parse("gpu"));
        assertEquals(DeviceChoice.GPU, DeviceChoice.parse("cuda"));
        assertEquals(DeviceChoice.AUTO, DeviceChoice.parse("auto"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("tpu"));
        assertEquals("unknown device 'tpu': use cpu, gpu or auto", e.getMessage());
        assertEquals("gpu", DeviceChoice.GPU.toString());
    }

    @Test
    void resolvesAgainstWhatTheEngineSees() {
        assertEquals(Device.cpu(), DeviceChoice.CPU.resolve(2, true));
        assertEquals(Device.gpu(), DeviceChoice.AUTO.resolve(2, true));
        assertEquals(Device.cpu(), DeviceChoice.AUTO.resolve(0, false));
        assertEquals(Device.gpu(), DeviceChoice.GPU.resolve(1, true));
    }

    @Test
    void askingForAGpuWithoutOneSaysWhyInOneLine() {
        String cpuOnly = assertThrows(IllegalStateException.class, () -> DeviceChoice.GPU.resolve(0, false)).getMessage();
        assertTrue(cpuOnly.startsWith("device gpu: no GPU is usable: the libtorch loaded is CPU-only"), cpuOnly);
        assertTrue(cpuOnly.contains("PYTORCH_LIBRARY_PATH"), cpuOnly);
        String noDevice = assertThrows(IllegalStateException.class, () -> DeviceChoice.GPU.resolve(0, true)).getMessage();
        assertTrue(noDevice.contains("the CUDA libtorch loaded but sees no device"), noDevice);
        assertFalse(cpuOnly.contains("\n") || noDevice.contains("\n"));
    }

    @Test
    void aCudaLibtorchWithoutTheDriverIsNamedWithTheFix() {
        // What DJL throws on a machine without an NVIDIA driver when PYTORCH_LIBRARY_PATH is a CUDA libtorch.
        Exception e = new RuntimeException("Failed to load PyTorch native library", new UnsatisfiedLinkError(
                "/opt/r1kit/libtorch/libcaffe2_nvrtc.so: libcuda.so.1: cannot open shared object file"));
        String line = Engines.whyNotStarted(e, "/opt/r1kit/libtorch");
        assertTrue(line.startsWith("DJL's PyTorch engine did not start: the CUDA libtorch in PYTORCH_LIBRARY_PATH"
                + " (/opt/r1kit/libtorch) needs the NVIDIA driver's libcuda.so.1"), line);
        assertTrue(line.endsWith("unset PYTORCH_LIBRARY_PATH for the CPU"), line);
        Exception other = new RuntimeException("x", new UnsatisfiedLinkError("libtorch.so: not found"));
        assertTrue(Engines.whyNotStarted(other, "/x").contains("PYTORCH_LIBRARY_PATH=/x: libtorch.so: not found"));
        assertTrue(Engines.whyNotStarted(other, null).endsWith("must be on the class path)"));
    }

    @Test
    void theProcessChoiceDecidesWhereModelsRunAndAFailedGpuRequestChangesNothing() {
        // This machine's engine is the CPU libtorch from the Maven jars: no GPU, so auto is the CPU.
        assertEquals(0, Engines.pytorch().getGpuCount());
        assertEquals(Device.cpu(), Engines.use(DeviceChoice.AUTO));
        assertEquals(Device.cpu(), Engines.use(DeviceChoice.CPU));
        assertEquals(DeviceChoice.CPU, Engines.choice());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Engines.use(DeviceChoice.GPU));
        assertTrue(e.getMessage().contains("CPU-only"), e.getMessage());
        assertEquals(DeviceChoice.CPU, Engines.choice());
        assertEquals(Device.cpu(), Engines.defaultDevice());
        assertTrue(Engines.describe().contains("on cpu() (device cpu), 0 GPUs"), Engines.describe());
        assertTrue(Engines.libtorch().endsWith("(CPU only)"), Engines.libtorch());
    }
}
