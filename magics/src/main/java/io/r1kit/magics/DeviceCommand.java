package io.r1kit.magics;

import io.r1kit.facade.R1;
import io.r1kit.model.Engines;

import java.util.List;

/**
 * {@code %r1 device [cpu|gpu|auto]}: where the models of this kernel run. Without an argument it names the
 * engine and the device in use; with one it switches every model from then on ({@link R1#device}), or says in
 * one line why a GPU is not usable and leaves the device as it was.
 */
final class DeviceCommand implements R1Magic.Command {

    static final String HELP = "the device models run on; cpu, gpu or auto switches it";

    private static final String USAGE = "usage: %r1 device [cpu|gpu|auto]";

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public String run(List<String> args) {
        if (args.isEmpty()) {
            return Engines.describe();
        }
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            return USAGE + "\n" + HELP + " (gpu: the first CUDA device; auto: the GPU when one is usable, else the CPU)";
        }
        if (args.size() > 1 || args.get(0).startsWith("-")) {
            throw new MagicError(USAGE + " (got " + String.join(" ", args) + ")");
        }
        try {
            return R1.device(args.get(0));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MagicError("%r1 " + e.getMessage());
        }
    }
}
