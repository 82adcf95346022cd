package io.r1kit.model.script;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript module written from its source text: the zip archive {@code torch.jit.load} reads (the class
 * in {@code code/__torch__.py}, the pickled instance in {@code data.pkl}, an empty constants table and the
 * format version 3), built in memory and loaded into DJL's PyTorch engine. The module has no parameters and
 * no buffers; its methods take every tensor as an argument, so they differentiate through the caller's
 * arrays.
 *
 * <pre>{@code
 * PtSymbolBlock silu = new ScriptArchive("Silu",
 *         "def forward(self, x: Tensor) -> Tensor:\n  return torch.silu(x)\n").load(manager);
 * }</pre>
 */
public final class ScriptArchive {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

    private final String className;
    private final String methods;

    /**
     * @param className the module's class, an identifier starting with a capital letter
     * @param methods   the method definitions at the left margin, each {@code def name(self, ...)}; indented
     *                  into the class here
     */
    public ScriptArchive(String className, String methods) {
        if (!NAME.matcher(className).matches()) {
            throw new IllegalArgumentException("TorchScript class name " + className + " is not an identifier");
        }
        if (!methods.startsWith("def ")) {
            throw new IllegalArgumentException("TorchScript methods of " + className + " must start with def");
        }
        this.className = className;
        this.methods = methods;
    }

    /** The class source as it is stored in the archive. */
    public String source() {
        StringBuilder s = new StringBuilder("class ").append(className).append("(Module):\n")
                .append("  __parameters__ = []\n  __buffers__ = []\n  training : bool\n");
        for (String line : methods.split("\n", -1)) {
            if (!line.isEmpty()) {
                s.append("  ").append(line.replace("(self,", "(self: __torch__." + className + ",")).append('\n');
            }
        }
        return s.toString();
    }

    /** The archive's bytes. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            String root = className.toLowerCase(Locale.ROOT) + "/";
            put(zip, root + "code/__torch__.py", source().getBytes(StandardCharsets.UTF_8));
            put(zip, root + "data.pkl", instancePickle());
            put(zip, root + "constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // protocol 2, empty tuple
            put(zip, root + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Loads the module into the engine on {@code manager}'s device; it lives as long as the manager. */
    public PtSymbolBlock load(NDManager manager) {
        try {
            return JniUtils.loadModule((PtNDManager) manager, new ByteArrayInputStream(bytes()), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code __torch__.<class>()} with {@code training = True}, pickled (protocol 2). */
    private byte[] instancePickle() {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80);                                                  // PROTO 2
        p.write(2);
        p.write('c');                                                   // GLOBAL module \n name \n
        p.writeBytes(("__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII));
        p.write(')');                                                   // EMPTY_TUPLE
        p.write(0x81);                                                  // NEWOBJ
        p.write('}');                                                   // EMPTY_DICT
        p.write('(');                                                   // MARK
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        p.write('X');                                                   // BINUNICODE, 4-byte length
        p.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
        p.writeBytes(key);
        p.write(0x88);                                                  // NEWTRUE
        p.write('u');                                                   // SETITEMS
        p.write('b');                                                   // BUILD
        p.write('.');                                                   // STOP
        return p.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
