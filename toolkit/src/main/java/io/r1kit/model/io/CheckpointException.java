package io.r1kit.model.io;

import io.r1kit.BadFileException;

import java.nio.file.Path;

/**
 * A checkpoint file that cannot be read or does not match the model. The message names the file
 * and the problem in one line, e.g. {@code "model.safetensors: tensor lm_head.weight: shape [8, 4], expected [16, 4]"}.
 */
public class CheckpointException extends BadFileException {

    private static final long serialVersionUID = 1L;

    public CheckpointException(Path file, String problem) {
        super(file, problem);
    }

    public CheckpointException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
