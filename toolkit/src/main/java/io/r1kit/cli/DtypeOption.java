package io.r1kit.cli;

import io.r1kit.model.lm.ComputeDtype;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --dtype float32|float16|bfloat16|auto} option of the {@code model} verbs (a picocli
 * mixin). Parsed in the command, so a bad name is the usual one-line error with exit code 1.
 */
final class DtypeOption {

    @Option(names = "--dtype", defaultValue = "auto", split = ",", paramLabel = "DTYPE",
            description = "compute dtype: float32, float16, bfloat16 or auto (float32 on CPU, float16 on GPU;"
                    + " default ${DEFAULT-VALUE})")
    List<String> names;

    /** The one dtype named (for verbs that run one model). */
    ComputeDtype one() {
        if (names.size() != 1) {
            throw new IllegalArgumentException("--dtype takes one value here, got " + String.join(",", names));
        }
        return ComputeDtype.parse(names.get(0));
    }

    /** Every dtype named, in order (for {@code bench}, which runs each). */
    List<ComputeDtype> all() {
        List<ComputeDtype> out = new ArrayList<>();
        for (String n : names) {
            out.add(ComputeDtype.parse(n));
        }
        return out;
    }
}
