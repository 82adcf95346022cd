package io.r1kit.model.script;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import io.r1kit.model.Engines;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A TorchScript module written from text loads into the engine and runs each of its methods. */
class ScriptArchiveTest {

    @Test
    void aModuleWrittenFromTextRunsItsMethods() throws Exception {
        ScriptArchive archive = new ScriptArchive("Twice",
                "def forward(self, x: Tensor) -> Tensor:\n  return torch.mul(x, 2.)\n"
                        + "def plus(self, x: Tensor, y: float) -> Tensor:\n  return torch.add(x, y)\n");
        assertEquals("class Twice(Module):\n  __parameters__ = []\n  __buffers__ = []\n  training : bool\n"
                + "  def forward(self: __torch__.Twice, x: Tensor) -> Tensor:\n    return torch.mul(x, 2.)\n"
                + "  def plus(self: __torch__.Twice, x: Tensor, y: float) -> Tensor:\n    return torch.add(x, y)\n",
                archive.source());
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive.bytes()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries++;
                if (e.getName().equals("twice/version")) {
                    assertEquals("3\n", new String(zip.readAllBytes(), StandardCharsets.US_ASCII));
                }
            }
        }
        assertEquals(4, entries);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            PtSymbolBlock module = archive.load(m);
            PtNDArray x = (PtNDArray) m.create(new float[] {1, -3});
            try (IValue in = IValue.from(x); IValue out = ModuleCall.forward(module, in)) {
                assertArrayEquals(new float[] {2, -6}, out.toTensor((PtNDManager) m).toFloatArray(), 0f);
            }
            try (IValue in = IValue.from(x); IValue y = IValue.from(0.5);
                 IValue out = IValueUtils.runMethod(module, "plus", in, y)) {
                assertArrayEquals(new float[] {1.5f, -2.5f}, out.toTensor((PtNDManager) m).toFloatArray(), 0f);
            }
        }
    }

    @Test
    void aClassNameOrSourceTorchScriptCannotTakeIsRefused() {
        assertEquals("TorchScript class name my-ops is not an identifier", assertThrows(IllegalArgumentException.class,
                () -> new ScriptArchive("my-ops", "def forward(self) -> int:\n  return 1\n")).getMessage());
        assertEquals("TorchScript methods of Ops must start with def", assertThrows(IllegalArgumentException.class,
                () -> new ScriptArchive("Ops", "return 1\n")).getMessage());
    }
}
