package io.r1kit.magics;

import io.r1kit.cot.DataEngine;
import io.r1kit.cot.Split;
import io.r1kit.cot.preview.RecordCard;
import io.r1kit.facade.R1;
import io.r1kit.facade.R1CotData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code %cot generate [--scenes N] [--seed S] [--out DIR]}: CoT data for generated rooms with a live progress
 * bar, shown as counts per split and the filters' pass rates; {@code %cot preview [FILE] [--index I]}: one CoT
 * record as a card (question, numbered steps, answer, filter verdicts, the room with the target highlighted),
 * from a records file, or without one from the current scene (a generated room).
 */
@Command(name = "%cot", description = "Generate CoT data for generated rooms, or preview one CoT record.")
final class CotMagic implements Callable<Object> {

    static final String HELP = "generate [--scenes N] | preview [FILE] [--index I]: CoT data and record cards";

    private final MagicState state;

    @Parameters(index = "0", paramLabel = "generate|preview")
    String verb;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "preview: a records file (.jsonl)")
    Path file;

    @Option(names = "--scenes", paramLabel = "N", description = "generate: rooms (default 2)")
    Integer scenes;

    @Option(names = "--seed", paramLabel = "S", description = "generate: first room seed (default 0)")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "generate: the folder (default: a new temporary folder)")
    Path out;

    @Option(names = "--index", paramLabel = "I", description = "preview: the record, from 0 (default 0)")
    Integer index;

    CotMagic(MagicState state) {
        this.state = state;
    }

    @Override
    public Object call() throws IOException {
        return switch (verb) {
            case "generate" -> generate();
            case "preview" -> preview();
            default -> throw new MagicError("%cot: unknown verb '" + verb + "' (generate or preview)");
        };
    }

    private Object generate() throws IOException {
        only("generate", file == null && index == null, "FILE and --index are for %cot preview");
        Path dir = out != null ? out : Files.createTempDirectory("r1kit-cot-");
        LiveProgress live = state.progress();
        R1CotData data = R1.cot(scenes == null ? 2 : scenes, seed == null ? 0 : seed, dir, live);
        live.finish();
        for (Split split : Split.values()) {
            if (Files.exists(DataEngine.recordsFile(dir, split))) {
                System.out.println("preview a record: %cot preview " + DataEngine.recordsFile(dir, split) + " --index 0");
                System.out.flush();
                break;
            }
        }
        return data;
    }

    private RecordCard preview() throws IOException {
        only("preview", scenes == null && seed == null && out == null, "--scenes, --seed and --out are for %cot generate");
        int i = index == null ? 0 : index;
        if (file == null) {
            return state.scene().cotCard(i);
        }
        if (!Files.isRegularFile(file)) {
            throw new MagicError(file + ": no such file");
        }
        return RecordCard.read(file, i);
    }

    private static void only(String verb, boolean ok, String why) {
        if (!ok) {
            throw new MagicError("%cot " + verb + ": " + why);
        }
    }

    static Object run(MagicState state, List<String> args) {
        return MagicRunner.run(new CotMagic(state), args);
    }
}
