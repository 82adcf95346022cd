package io.r1kit.model.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint file that cannot be read or does not match the model. The message names the file
 * and the problem in one line, e.g. {@code "model.safetensors: tensor lm_head.weight: shape [8, 4], expected [16, 4]"}.
 */
public class CheckpointException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public CheckpointException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
    }

    public CheckpointException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
