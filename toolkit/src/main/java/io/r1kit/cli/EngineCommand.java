package io.r1kit.cli;

import com.google.gson.JsonObject;
import ai.djl.engine.Engine;
import io.r1kit.Version;
import io.r1kit.model.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * {@code r1kit engine [--device D] [--json]}: starts DJL's PyTorch engine (offline) and prints its version,
 * the device models would run on, the libtorch in use (CPU only or CUDA) and where the natives live. A quick
 * check that a machine can run models, and with {@code --device gpu} that it can run them on a GPU.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Start the DJL PyTorch engine offline and print its version and device.")
final class EngineCommand implements Callable<Integer> {

    @Mixin
    JsonOutput output;

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() {
        Engine engine = Engines.pytorch();
        deviceOption.apply();
        String cache = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        output.print(() -> "r1kit " + Version.get() + ": " + Engines.describe() + System.lineSeparator()
                + "libtorch " + Engines.libtorch() + System.lineSeparator()
                + "offline  " + Boolean.getBoolean("ai.djl.offline") + System.lineSeparator()
                + "natives  " + cache, () -> {
            JsonObject o = new JsonObject();
            o.addProperty("toolkit", Version.get());
            o.addProperty("engine", engine.getEngineName());
            o.addProperty("version", engine.getVersion());
            o.addProperty("device", Engines.defaultDevice().toString());
            o.addProperty("choice", Engines.choice().toString());
            o.addProperty("gpus", engine.getGpuCount());
            o.addProperty("libtorch", ai.djl.pytorch.jni.LibUtils.getLibtorchPath());
            o.addProperty("cuda", engine.hasCapability(ai.djl.engine.StandardCapabilities.CUDA));
            o.addProperty("offline", Boolean.getBoolean("ai.djl.offline"));
            o.addProperty("cache", cache);
            return o.toString();
        });
        return 0;
    }
}
