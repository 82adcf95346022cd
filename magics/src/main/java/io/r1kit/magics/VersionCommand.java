package io.r1kit.magics;

import io.r1kit.Version;
import io.r1kit.model.Engines;

import java.util.List;

/**
 * {@code %r1 version}: the toolkit version, the Java runtime, and the DJL engine with the device
 * it will use. Starting the engine here proves in the first cell that the natives load offline.
 */
final class VersionCommand implements R1Magic.Command {

    @Override
    public String help() {
        return "toolkit, Java and DJL engine versions, and the device in use";
    }

    @Override
    public String run(List<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("%r1 version takes no arguments, got " + args);
        }
        return "r1kit " + Version.get() + " | Java " + Runtime.version() + " | " + Engines.describe();
    }
}
