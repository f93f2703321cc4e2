package org.mrharmony.report;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Refuses viewer volumes the page could not show: missing, too large to embed, not gzip, or
 * not NIfTI once unpacked. Each failure is one sentence naming the file.
 */
final class ViewerVolumeCheck {

    private static final int NIFTI1_HEADER = 348;
    private static final int NIFTI2_HEADER = 540;

    private ViewerVolumeCheck() {
    }

    static void check(ViewerVolume volume, long maxBytes) throws IOException {
        Path file = volume.file();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("viewer volume " + file + ": no such file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IllegalArgumentException("viewer volume " + file + ": " + size + " bytes, more than the "
                + maxBytes + " a report can embed; downsample it (e.g. to 2 mm, at most 128^3 voxels)");
        }
        int sizeofHdr;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            sizeofHdr = new DataInputStream(in).readInt();
        } catch (ZipException | EOFException e) {
            throw new IllegalArgumentException("viewer volume " + file + ": not a gzip-compressed NIfTI (.nii.gz) file");
        }
        if (!isNiftiHeaderSize(sizeofHdr)) {
            throw new IllegalArgumentException("viewer volume " + file
                + ": gzip content is not NIfTI (sizeof_hdr is neither 348 nor 540)");
        }
    }

    /** sizeof_hdr read big-endian; a little-endian file shows it byte-swapped. */
    private static boolean isNiftiHeaderSize(int bigEndian) {
        int littleEndian = Integer.reverseBytes(bigEndian);
        return bigEndian == NIFTI1_HEADER || bigEndian == NIFTI2_HEADER
            || littleEndian == NIFTI1_HEADER || littleEndian == NIFTI2_HEADER;
    }
}
