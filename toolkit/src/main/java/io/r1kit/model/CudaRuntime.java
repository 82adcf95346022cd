package io.r1kit.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the CUDA runtime ({@code libcudart.so.N}) that a pip-installed libtorch depends on, so that DJL can count
 * the GPUs. DJL asks {@code libcudart} through JNA, which finds it only on the system's library path or in
 * {@code jna.library.path}; PyPI's torch wheels keep it beside torch, in {@code site-packages/nvidia/.../lib}
 * (e.g. {@code nvidia/cuda_runtime/lib/libcudart.so.12} for CUDA 12, {@code nvidia/cu13/lib/libcudart.so.13}
 * for CUDA 13). Without it DJL sees 0 GPUs and every model stays on the CPU, although libtorch itself has CUDA.
 *
 * <pre>{@code
 * CudaRuntime.folderBeside(Path.of(".venv/lib/python3.12/site-packages/torch/lib"))   // Optional[.../nvidia/cu13/lib]
 * }</pre>
 */
public final class CudaRuntime {

    /** The system property JNA searches before the system's library path. */
    static final String JNA_PATH = "jna.library.path";

    private CudaRuntime() {}

    /**
     * The folder holding {@code libcudart.so*} in the {@code nvidia} package folder two levels above
     * {@code torchLib} ({@code site-packages/torch/lib} -> {@code site-packages/nvidia/X/lib}), if any; the
     * first in name order when several do.
     */
    public static Optional<Path> folderBeside(Path torchLib) {
        Path parent = torchLib.toAbsolutePath().normalize().getParent();
        Path nvidia = parent == null || parent.getParent() == null ? null : parent.getParent().resolve("nvidia");
        if (nvidia == null || !Files.isDirectory(nvidia)) {
            return Optional.empty();
        }
        try (Stream<Path> packages = Files.list(nvidia)) {
            return packages.map(p -> p.resolve("lib")).filter(CudaRuntime::holdsCudart)
                    .min(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Adds the folder {@link #folderBeside} finds for {@code PYTORCH_LIBRARY_PATH} to {@code jna.library.path}
     * (before DJL first asks for the GPU count); does nothing when the variable is unset or names no such wheel
     * layout, or when the user set {@code jna.library.path} to a folder that already holds the runtime.
     */
    static void exposeForJna(String libtorchPath) {
        if (libtorchPath == null || libtorchPath.isBlank()) {
            return;
        }
        String current = System.getProperty(JNA_PATH, "");
        for (String entry : current.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank() && holdsCudart(Path.of(entry))) {
                return;
            }
        }
        for (String lib : libtorchPath.split(java.io.File.pathSeparator)) {
            Optional<Path> folder = folderBeside(Path.of(lib));
            if (folder.isPresent()) {
                System.setProperty(JNA_PATH, current.isBlank() ? folder.get().toString()
                        : current + java.io.File.pathSeparator + folder.get());
                return;
            }
        }
    }

    private static boolean holdsCudart(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("libcudart.so"));
        } catch (IOException e) {
            return false;
        }
    }
}
