package org.mrharmony.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** This process's resident memory as Linux reports it in {@code /proc/self/status}. */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** Peak resident set size so far (VmHWM), in MB, where Linux tells it. */
    static Optional<Double> peakRssMb() {
        return statusMb("VmHWM:");
    }

    /** Current resident set size (VmRSS), in MB, where Linux tells it. */
    static Optional<Double> rssMb() {
        return statusMb("VmRSS:");
    }

    private static Optional<Double> statusMb(String key) {
        if (!Files.isReadable(STATUS)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) {
                    String[] parts = line.substring(key.length()).trim().split("\\s+");
                    return Optional.of(Long.parseLong(parts[0]) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
