package org.mrharmony.harmonize;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The number of threads PyTorch uses inside each operation, for the whole process. The engine
 * starts with one per core, which is fastest on an idle machine; on a busy one every operation
 * waits for its second thread to be scheduled, and one thread can be faster (docs/BENCHMARKS.md).
 */
public final class CpuThreads {

    private CpuThreads() {
    }

    /** @throws IllegalArgumentException for fewer than one thread */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        // The engine sets its own count when it starts: start it first, or it would undo ours.
        Engine.getInstance();
        JniUtils.setNumThreads(threads);
    }

    public static int get() {
        Engine.getInstance();
        return JniUtils.getNumThreads();
    }
}
