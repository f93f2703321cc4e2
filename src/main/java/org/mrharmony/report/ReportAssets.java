package org.mrharmony.report;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.mrharmony.io.AtomicFiles;

/**
 * Puts the files a report refers to inside its folder and hands back relative URLs, so the
 * folder can be moved, zipped or opened from a USB stick. A file already inside the folder is
 * used where it is; anything else is copied into a sub-folder (never moved: inputs stay put),
 * with a numbered name if two inputs share a file name.
 */
final class ReportAssets {

    private final Path folder;
    private final Set<Path> claimed = new HashSet<>();

    ReportAssets(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** Makes {@code source} available under the report folder; returns its relative URL. */
    String place(Path source, String subfolder) throws IOException {
        Path absolute = source.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("report asset " + source + ": no such file");
        }
        Path target;
        if (absolute.startsWith(folder)) {
            target = absolute;
        } else {
            target = freeName(folder.resolve(subfolder), absolute.getFileName().toString());
            AtomicFiles.copy(absolute, target);
        }
        claimed.add(target);
        return url(folder.relativize(target));
    }

    private Path freeName(Path dir, String fileName) {
        Path candidate = dir.resolve(fileName);
        int dot = fileName.indexOf('.', 1);
        String stem = dot < 0 ? fileName : fileName.substring(0, dot);
        String extension = dot < 0 ? "" : fileName.substring(dot);
        for (int n = 2; claimed.contains(candidate); n++) {
            candidate = dir.resolve(stem + "-" + n + extension);
        }
        return candidate;
    }

    /** A relative URL with every path segment percent-encoded as needed ("my scan.png" → "my%20scan.png"). */
    static String url(Path relative) {
        String path = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
        try {
            return new URI(null, null, path, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot refer to " + relative + " by URL: " + e.getMessage(), e);
        }
    }
}
