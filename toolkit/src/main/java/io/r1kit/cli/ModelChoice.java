package io.r1kit.cli;

import io.r1kit.model.vlm.NanoModel;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code --model sft|r1|DIR} option of the verbs that run the nano model ({@link NanoModel#resolve}). */
final class ModelChoice {

    @Option(names = "--model", paramLabel = "sft|r1|DIR",
            description = "a model shipped in the toolkit by name, or a checkpoint folder (default: the toolkit's default)")
    String model;

    /** The checkpoint folder chosen. */
    Path dir() throws IOException {
        return NanoModel.resolve(model);
    }

    /** The model's name as given, or the default's name. */
    String name() {
        return model != null ? model : NanoModel.shipped().isEmpty() ? "none" : NanoModel.shipped().get(0);
    }
}
