package io.r1kit.cli;

import com.google.gson.JsonObject;
import ai.djl.engine.Engine;
import io.r1kit.Version;
import io.r1kit.model.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code r1kit engine [--json]}: starts DJL's PyTorch engine (offline) and prints its version,
 * the default device and where the natives live. A quick check that a machine can run models.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Start the DJL PyTorch engine offline and print its version and device.")
final class EngineCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Engine engine = Engines.pytorch();
        PrintWriter out = spec.commandLine().getOut();
        String cache = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("toolkit", Version.get());
            o.addProperty("engine", engine.getEngineName());
            o.addProperty("version", engine.getVersion());
            o.addProperty("device", Engines.defaultDevice().toString());
            o.addProperty("gpus", engine.getGpuCount());
            o.addProperty("offline", Boolean.getBoolean("ai.djl.offline"));
            o.addProperty("cache", cache);
            out.println(o);
        } else {
            out.println("r1kit " + Version.get() + ": " + Engines.describe());
            out.println("offline  " + Boolean.getBoolean("ai.djl.offline"));
            out.println("natives  " + cache);
        }
        out.flush();
        return 0;
    }
}
