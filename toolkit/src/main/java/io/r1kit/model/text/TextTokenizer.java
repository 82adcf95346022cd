package io.r1kit.model.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.r1kit.AtomicFolder;
import io.r1kit.Excerpt;
import io.r1kit.Offline;
import io.r1kit.model.generate.TokenDecoder;
import io.r1kit.model.io.CheckpointException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} (BPE, WordPiece, word-level...) read through DJL's tokenizers
 * binding. Encoding adds no special tokens: prompts carry their own (see {@link ChatTemplate}).
 *
 * <pre>{@code
 * try (TextTokenizer tok = TextTokenizer.load(Path.of("qwen2.5-0.5b"))) {
 *     int[] ids = tok.encode("where is the chair?");
 *     String text = tok.decode(ids);
 * }
 * }</pre>
 */
public final class TextTokenizer implements TokenDecoder, AutoCloseable {

    /** The file name inside a checkpoint directory. */
    public static final String FILE = "tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;

    private TextTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * Loads {@code tokenizer.json} from a checkpoint directory, or the file itself, after {@link TokenizerFile}
     * has checked it.
     *
     * @throws CheckpointException one line naming the file when it is missing, damaged or not a tokenizer
     */
    public static TextTokenizer load(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            AtomicFolder.restore(path);   // a checkpoint save killed between its renames leaves the folder aside
        }
        Path file = Files.isDirectory(path) ? path.resolve(FILE) : path;
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, "not found (a checkpoint directory needs " + FILE + ")");
        }
        TokenizerFile.read(file); // the native library aborts the JVM on some damage: refuse it here first
        Offline.apply(); // the binding's natives come from its jar; never from the network
        try {
            return new TextTokenizer(HuggingFaceTokenizer.newInstance(file,
                    Map.of("addSpecialTokens", "false", "padding", "false", "truncation", "false")));
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "not a tokenizer.json: " + Excerpt.of(String.valueOf(e.getMessage()), 200), e);
        }
    }

    /** The token ids of {@code text}. */
    public int[] encode(String text) {
        return Arrays.stream(tokenizer.encode(text, false, false).getIds()).mapToInt(Math::toIntExact).toArray();
    }

    /** The text of {@code ids}, special tokens included. */
    @Override
    public String decode(int[] ids) {
        return tokenizer.decode(Arrays.stream(ids).asLongStream().toArray(), false);
    }

    /** The text of {@code ids} without special tokens such as {@code <|im_end|>}. */
    public String decodeWithoutSpecial(int[] ids) {
        return tokenizer.decode(Arrays.stream(ids).asLongStream().toArray(), true);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
