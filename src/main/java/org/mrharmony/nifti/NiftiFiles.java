package org.mrharmony.nifti;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Where an image's header and voxels are: one {@code .nii}/{@code .nii.gz} file, or a
 * {@code .hdr}/{@code .img} pair (either half optionally gzipped). Given either half of a
 * pair, finds the other.
 *
 * @param header the file holding the header
 * @param data   the file holding the voxels (the same file for a single-file image)
 * @param pair   true for a .hdr/.img pair
 */
record NiftiFiles(Path header, Path data, boolean pair) {

    private static final int STREAM_BUFFER = 1 << 16;

    static NiftiFiles locate(Path file) throws NiftiException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String plain = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
        // The stem keeps the user's case: only the extension is matched case-insensitively.
        String stem = name.substring(0, Math.max(0, plain.length() - 4));
        if (plain.endsWith(".nii")) {
            requireFile(file);
            return new NiftiFiles(file, file, false);
        }
        if (plain.endsWith(".hdr")) {
            requireFile(file);
            Path img = sibling(file, stem, ".img", lower.endsWith(".gz"));
            if (img == null) {
                throw new NiftiException(file, "no image file " + stem + ".img (or " + stem
                    + ".img.gz) beside the header");
            }
            return new NiftiFiles(file, img, true);
        }
        if (plain.endsWith(".img")) {
            requireFile(file);
            Path hdr = sibling(file, stem, ".hdr", lower.endsWith(".gz"));
            if (hdr == null) {
                throw new NiftiException(file, "no header file " + stem + ".hdr (or " + stem
                    + ".hdr.gz) beside the image");
            }
            return new NiftiFiles(hdr, file, true);
        }
        throw new NiftiException(file, "not a NIfTI file name (expected .nii, .nii.gz, .hdr or .img)");
    }

    /** The other half of a pair, preferring the same compression as the half we were given. */
    private static Path sibling(Path file, String stem, String ext, boolean gzFirst) {
        Path dir = file.toAbsolutePath().getParent();
        String[] candidates = gzFirst ? new String[] {ext + ".gz", ext} : new String[] {ext, ext + ".gz"};
        for (String candidate : candidates) {
            for (String cased : new String[] {candidate, candidate.toUpperCase(Locale.ROOT)}) {
                Path p = dir.resolve(stem + cased);
                if (Files.isRegularFile(p)) {
                    return file.resolveSibling(stem + cased);
                }
            }
        }
        return null;
    }

    private static void requireFile(Path file) throws NiftiException {
        if (!Files.exists(file)) {
            throw new NiftiException(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new NiftiException(file, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new NiftiException(file, "not readable (permissions)");
        }
    }

    /** Whether a file starts with the gzip magic bytes, whatever its name says. */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** A buffered stream of the file's bytes, decompressed on the fly if it is gzip. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            if (isGzip(file)) {
                return new GZIPInputStream(raw, STREAM_BUFFER);
            }
            return new BufferedInputStream(raw, STREAM_BUFFER);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
