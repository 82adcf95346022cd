package io.r1kit.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --threads N} option of the benchmark verbs (a picocli mixin): PyTorch's intra-op threads,
 * which DJL reads when its engine starts, so {@link #apply} must run before the first model loads.
 */
final class ThreadsOption {

    @Option(names = "--threads", description = "PyTorch intra-op threads (default: DJL's choice)")
    Integer threads;

    /** Sets the engine's thread count when one was given. */
    void apply() {
        if (threads != null) {
            System.setProperty("ai.djl.pytorch.num_threads", threads.toString());
        }
    }
}
