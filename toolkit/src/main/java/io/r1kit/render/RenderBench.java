package io.r1kit.render;

import io.r1kit.scene.Scene;
import io.r1kit.scene.load.Scenes;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Render benchmark: renders a scene (default: the shared 50,000-point ScanNet scan) to 512x512 from
 * 24 orbit cameras on one thread, after a warm-up, and prints median and p90 milliseconds per view.
 *
 * <pre>
 * environment/bench.sh render [SCENE] [--size 512] [--rounds 20]
 * </pre>
 */
public final class RenderBench {

    private RenderBench() {}

    public static void main(String[] args) throws Exception {
        Path path = Path.of("../shared/data/scannet/scene0000_02_vert.npy");
        int size = 512;
        int rounds = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> path = Path.of(args[i]);
            }
        }
        Scene scene = Scenes.load(path);
        PointRenderer renderer = PointRenderer.of(scene);
        RenderOptions options = RenderOptions.defaults();
        Camera[] cameras = new Camera[24];
        for (int k = 0; k < cameras.length; k++) {
            cameras[k] = Camera.fit(scene.bounds(), 15 * k, k % 2 == 0 ? 30 : 55, 60, size, size);
        }
        long sink = 0;
        for (int w = 0; w < 5; w++) {  // warm-up: let the JIT compile the splat loop
            for (Camera c : cameras) {
                sink += renderer.render(c, options).width();
            }
        }
        // Wall time, and the thread's CPU time: on a shared machine the second leaves out the time the
        // thread waited for a core, so it is the figure for "one core".
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[rounds * cameras.length];
        double[] cpu = new double[ms.length];
        int filled = 0;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < cameras.length; k++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                RenderedView v = renderer.render(cameras[k], options);
                ms[r * cameras.length + k] = (System.nanoTime() - t0) / 1e6;
                cpu[r * cameras.length + k] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                sink += v.width();
                if (r == 0) {
                    filled += v.filledPixels();
                }
            }
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "render %s: %,d points -> %dx%d, %d views, one thread%n", scene.id(),
                scene.points().size(), size, size, ms.length);
        System.out.printf(Locale.ROOT, "  wall  median %.2f ms/view   p90 %.2f ms/view   min %.2f ms%n",
                ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[0]);
        System.out.printf(Locale.ROOT, "  cpu   median %.2f ms/view   p90 %.2f ms/view   min %.2f ms%n",
                cpu[cpu.length / 2], cpu[(int) (cpu.length * 0.9)], cpu[0]);
        System.out.printf(Locale.ROOT, "  mean filled %.1f%% of pixels (check %d)%n", 100.0 * filled / cameras.length / size / size, sink % 7);
    }
}
