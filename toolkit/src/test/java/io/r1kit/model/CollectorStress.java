package io.r1kit.model;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A thread that runs the garbage collector every millisecond while a test runs, so that any buffer a
 * native array still reads is freed under it if nothing in Java holds it (the failure {@link Constants} avoids).
 *
 * <pre>{@code
 * try (CollectorStress s = CollectorStress.start()) { ... forward, backward, compare ... }
 * }</pre>
 */
public final class CollectorStress implements AutoCloseable {

    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    private CollectorStress() {
        thread = new Thread(() -> {
            while (!stop.get()) {
                System.gc();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "collector-stress");
        thread.setDaemon(true);
    }

    /** Starts collecting. */
    public static CollectorStress start() {
        CollectorStress s = new CollectorStress();
        s.thread.start();
        return s;
    }

    /** Stops collecting and waits for the thread to end (an interrupt while waiting is passed on). */
    @Override
    public void close() {
        stop.set(true);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
