package org.mrharmony.cli;

import org.mrharmony.harmonize.CpuThreads;
import picocli.CommandLine.Option;

/** The options every benchmark shares: where it runs, on how many threads, and how it reports. */
final class BenchRuntime {

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "D", description = "cpu, gpu or gpuN (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", paramLabel = "N", description = "Threads per network operation (default: one per core).")
    Integer threads;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    /** Applies {@code --threads} (process-wide) when it was given. */
    void applyThreads() {
        if (threads != null) {
            CpuThreads.set(threads);
        }
    }

    /** A figure for the JSON reports: six decimals, enough for a millisecond-scale time, a loss or an accuracy. */
    static double sixDecimals(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
