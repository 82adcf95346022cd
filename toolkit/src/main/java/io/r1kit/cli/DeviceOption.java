package io.r1kit.cli;

import ai.djl.Device;
import io.r1kit.model.DeviceChoice;
import io.r1kit.model.Engines;
import picocli.CommandLine.Option;

/**
 * The {@code --device cpu|gpu|auto} option of every verb that runs a model (a picocli mixin). The command calls
 * {@link #apply()} first, so {@code --device gpu} on a machine without a usable GPU is one line and exit code 1
 * before any work starts.
 */
final class DeviceOption {

    @Option(names = "--device", paramLabel = "cpu|gpu|auto",
            description = "where the model runs: cpu, gpu or auto (the GPU when one is usable, else the CPU;"
                    + " default: " + DeviceChoice.ENV + " or auto)")
    String name;

    /** Makes the chosen device the process's ({@link Engines#use}) and returns it. */
    Device apply() {
        return Engines.use(name == null ? Engines.choice() : DeviceChoice.parse(name));
    }
}
