package org.mrharmony.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps copies of rendered images in target/report-samples when the system property
 * {@code report.samples} is set, so a developer can look at them; does nothing otherwise.
 */
final class SampleOutput {

    private SampleOutput() {
    }

    static void keep(Path file) throws IOException {
        if (System.getProperty("report.samples") == null) {
            return;
        }
        Path folder = Path.of("target", "report-samples");
        Files.createDirectories(folder);
        if (Files.isDirectory(file)) {
            copyTree(file, folder.resolve(file.getFileName()));
        } else {
            Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
