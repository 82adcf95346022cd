package io.r1kit.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CudaRuntimeTest {

    /** A pip layout: site-packages/torch/lib beside site-packages/nvidia/PKG/lib/FILE. */
    private static Path wheels(Path root, String pkg, String file) throws IOException {
        Path torchLib = Files.createDirectories(root.resolve("site-packages/torch/lib"));
        Files.createFile(torchLib.resolve("libtorch.so"));
        Path lib = Files.createDirectories(root.resolve("site-packages/nvidia").resolve(pkg).resolve("lib"));
        Files.createFile(lib.resolve(file));
        return torchLib;
    }

    @Test
    void findsTheRuntimeOfCuda12And13Wheels(@TempDir Path tmp) throws IOException {
        Path twelve = wheels(tmp.resolve("a"), "cuda_runtime", "libcudart.so.12");
        Files.createDirectories(tmp.resolve("a/site-packages/nvidia/cublas/lib"));   // another package, no runtime
        assertEquals(Optional.of(tmp.resolve("a/site-packages/nvidia/cuda_runtime/lib")), CudaRuntime.folderBeside(twelve));
        Path thirteen = wheels(tmp.resolve("b"), "cu13", "libcudart.so.13");
        assertEquals(Optional.of(tmp.resolve("b/site-packages/nvidia/cu13/lib")), CudaRuntime.folderBeside(thirteen));
    }

    @Test
    void findsNothingWithoutTheWheelLayout(@TempDir Path tmp) throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("libtorch/lib"));
        assertTrue(CudaRuntime.folderBeside(plain).isEmpty());
        Path noRuntime = wheels(tmp.resolve("c"), "cublas", "libcublas.so.12");
        assertTrue(CudaRuntime.folderBeside(noRuntime).isEmpty());
    }

    @Test
    void addsTheFolderToJnaPathOnce(@TempDir Path tmp) throws IOException {
        String saved = System.getProperty(CudaRuntime.JNA_PATH);
        try {
            Path torchLib = wheels(tmp, "cu13", "libcudart.so.13");
            System.setProperty(CudaRuntime.JNA_PATH, "/opt/other");
            CudaRuntime.exposeForJna(torchLib.toString());
            String expected = "/opt/other" + java.io.File.pathSeparator + tmp.resolve("site-packages/nvidia/cu13/lib");
            assertEquals(expected, System.getProperty(CudaRuntime.JNA_PATH));
            CudaRuntime.exposeForJna(torchLib.toString());                      // already there: unchanged
            assertEquals(expected, System.getProperty(CudaRuntime.JNA_PATH));
            System.clearProperty(CudaRuntime.JNA_PATH);
            CudaRuntime.exposeForJna(null);                                     // no PYTORCH_LIBRARY_PATH: untouched
            assertEquals(null, System.getProperty(CudaRuntime.JNA_PATH));
        } finally {
            if (saved == null) {
                System.clearProperty(CudaRuntime.JNA_PATH);
            } else {
                System.setProperty(CudaRuntime.JNA_PATH, saved);
            }
        }
    }
}
