package io.r1kit.model;

import ai.djl.Device;
import ai.djl.engine.StandardCapabilities;

import java.util.Locale;

/**
 * Where models run: {@code cpu}, {@code gpu} (the first CUDA device) or {@code auto} (the GPU when the engine
 * sees one, else the CPU). The CLI's {@code --device}, {@code R1.device(...)} and {@code %r1 device} all parse
 * into this, and {@link Engines#use} makes it the process's choice.
 *
 * <pre>{@code
 * DeviceChoice.parse("auto").resolve(0, false);   // cpu()
 * DeviceChoice.parse("gpu").resolve(0, false);    // IllegalStateException: why no GPU is usable
 * }</pre>
 */
public enum DeviceChoice {
    CPU, GPU, AUTO;

    /** The environment variable that sets the process's choice before any call does ({@code cpu|gpu|auto}). */
    public static final String ENV = "R1KIT_DEVICE";

    /**
     * The choice {@code name} spells, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException in one line listing the three names
     */
    public static DeviceChoice parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "cpu" -> CPU;
            case "gpu", "cuda" -> GPU;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException("unknown device '" + (name == null ? "" : name.strip())
                    + "': use cpu, gpu or auto");
        };
    }

    /** The choice {@value #ENV} names, or {@link #AUTO} when it is unset or blank. */
    public static DeviceChoice fromEnvironment() {
        String value = System.getenv(ENV);
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + "=" + value.strip() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The device this choice means on an engine that sees {@code gpus} GPUs and whose libtorch was built with
     * CUDA or not.
     *
     * @throws IllegalStateException for {@link #GPU} with no GPU usable, in one line saying why and what to do
     */
    public Device resolve(int gpus, boolean cudaLibtorch) {
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus > 0) {
                    yield Device.gpu();
                }
                throw new IllegalStateException(noGpu(cudaLibtorch));
            }
        };
    }

    /** The device this choice means on the running PyTorch engine ({@link #resolve(int, boolean)}). */
    public Device resolve() {
        var engine = Engines.pytorch();
        return resolve(engine.getGpuCount(), engine.hasCapability(StandardCapabilities.CUDA));
    }

    /** Why {@code --device gpu} cannot be honoured, and the fix. */
    static String noGpu(boolean cudaLibtorch) {
        if (cudaLibtorch) {
            return "device gpu: no GPU is usable: the CUDA libtorch loaded but sees no device (no NVIDIA driver,"
                    + " or no GPU visible: check nvidia-smi, and in a container run it with --gpus all);"
                    + " use --device cpu or auto to run on the CPU";
        }
        return "device gpu: no GPU is usable: the libtorch loaded is CPU-only (set PYTORCH_LIBRARY_PATH to a CUDA"
                + " libtorch of PyTorch 2.7.1, with PYTORCH_VERSION=2.7.1 and PYTORCH_FLAVOR=cu128, as in the README's"
                + " GPU section); use --device cpu or auto to run on the CPU";
    }

    /** The lower-case name, as the options spell it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
