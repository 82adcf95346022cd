package io.r1kit.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import io.r1kit.Offline;

/**
 * Starts DJL's PyTorch engine without ever touching the network.
 *
 * <p>DJL looks for its native library in {@code DJL_CACHE_DIR} and, when it is missing, would
 * download one. r1kit ships the CPU natives as the Maven jars {@code pytorch-native-cpu} and
 * {@code pytorch-jni}, so the library unpacks from the class path; {@code ai.djl.offline=true}
 * turns any remaining download attempt into an error instead ({@link Offline}). Users with a GPU point
 * {@code PYTORCH_LIBRARY_PATH} at a CUDA libtorch of the same PyTorch version. Which device models run on is
 * one choice per process ({@link #use}, {@link DeviceChoice}).
 */
public final class Engines {

    /** The engine r1kit runs on. */
    public static final String ENGINE = "PyTorch";

    /** Set by {@link #use}; read from the environment on first need. */
    private static DeviceChoice choice;

    private Engines() {}

    /**
     * Sets the offline switches (unless the user set them) and returns the PyTorch engine.
     *
     * @throws IllegalStateException when the engine cannot start, with the reason DJL gave
     */
    public static synchronized Engine pytorch() {
        Offline.apply();
        CudaRuntime.exposeForJna(System.getenv("PYTORCH_LIBRARY_PATH"));
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException(whyNotStarted(e, System.getenv("PYTORCH_LIBRARY_PATH")), e);
        }
    }

    /**
     * Why the engine did not start, in one line with the fix: a CUDA libtorch in {@code libtorchPath} without the
     * NVIDIA driver (its {@code libcuda.so.1}) is the common case on a machine or container without a GPU.
     */
    static String whyNotStarted(Throwable e, String libtorchPath) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = String.valueOf(root.getMessage());
        if (libtorchPath == null || libtorchPath.isBlank()) {
            return "DJL's PyTorch engine did not start offline: " + e.getMessage()
                    + " (the jars pytorch-native-cpu and pytorch-jni must be on the class path)";
        }
        if (why.contains("libcuda.so")) {
            return "DJL's PyTorch engine did not start: the CUDA libtorch in PYTORCH_LIBRARY_PATH (" + libtorchPath
                    + ") needs the NVIDIA driver's libcuda.so.1, which this machine lacks: run where an NVIDIA driver"
                    + " is installed (a container: docker run --gpus all), or unset PYTORCH_LIBRARY_PATH for the CPU";
        }
        return "DJL's PyTorch engine did not start from PYTORCH_LIBRARY_PATH=" + libtorchPath + ": " + why
                + " (it must hold libtorch 2.7.1, with PYTORCH_VERSION=2.7.1 and PYTORCH_FLAVOR=cu128 or cpu)";
    }

    /**
     * Makes {@code choice} the process's device for every model loaded from now on, and returns the device it
     * means here.
     *
     * @throws IllegalStateException for {@code gpu} when none is usable, in one line saying why (the choice is
     *     left as it was)
     */
    public static synchronized Device use(DeviceChoice choice) {
        Device device = choice.resolve();
        Engines.choice = choice;
        return device;
    }

    /** The process's device choice: the last {@link #use}, else {@value DeviceChoice#ENV}, else {@code auto}. */
    public static synchronized DeviceChoice choice() {
        if (choice == null) {
            choice = DeviceChoice.fromEnvironment();
        }
        return choice;
    }

    /**
     * The device models run on: the one {@link #choice()} means ({@code auto}: the first GPU when the engine sees
     * one, else the CPU).
     */
    public static Device defaultDevice() {
        return choice().resolve();
    }

    /** Where the libtorch in use was loaded from, and whether it was built with CUDA. */
    public static String libtorch() {
        Engine engine = pytorch();
        return ai.djl.pytorch.jni.LibUtils.getLibtorchPath() + " ("
                + (engine.hasCapability(StandardCapabilities.CUDA) ? "CUDA" : "CPU only") + ")";
    }

    /**
     * Runs {@code work} with PyTorch's autograd off on this thread, then puts it back as it was. An optimiser's
     * in-place update of weights that require gradients is refused while autograd is on, and PyTorch keeps the
     * switch per thread, on for every new one: DJL turns it off only on the thread that started the engine, so
     * an update on any other thread (a JShell snippet, a notebook cell on a worker) needs this.
     */
    public static <T> T withoutGradients(java.util.function.Supplier<T> work) {
        pytorch();
        boolean was = ai.djl.pytorch.jni.JniUtils.isGradMode();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            ai.djl.pytorch.jni.JniUtils.setGradMode(was);
        }
    }

    /** {@link #withoutGradients(java.util.function.Supplier)} for work that returns nothing. */
    public static void withoutGradients(Runnable work) {
        withoutGradients(() -> {
            work.run();
            return null;
        });
    }

    /** One line describing the engine, e.g. {@code "PyTorch 2.7.1 on cpu() (device auto), 0 GPUs"}. */
    public static String describe() {
        Engine engine = pytorch();
        return engine.getEngineName() + " " + engine.getVersion() + " on " + defaultDevice()
                + " (device " + choice() + "), " + engine.getGpuCount() + " GPUs";
    }
}
