package org.mrharmony.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.mrharmony.io.AtomicFiles;

/** Writes .nii or .nii.gz (chosen by the file name) atomically: temp file, then rename. */
public final class NiftiWriter {

    private static final int STREAM_BUFFER = 1 << 16;

    private NiftiWriter() {
    }

    /**
     * Writes one 3D volume with the geometry of {@code header} (affine, codes, pixdim, units
     * kept exactly) in the given datatype; integer types get a scl_slope/scl_inter that fits the data.
     * The file is NIfTI-1 or NIfTI-2 as the header is, always little endian.
     */
    public static void write(Path file, NiftiHeader header, int nx, int ny, int nz, float[] data,
                             NiftiDataType type) throws NiftiException {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("dimensions must be positive: " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz != data.length) {
            throw new IllegalArgumentException("data length " + data.length + " does not match " + nx + "x" + ny + "x" + nz);
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".nii.gz");
        if (!gzip && !name.endsWith(".nii")) {
            throw new NiftiException(file, "output name must end in .nii or .nii.gz");
        }
        // a volume is never written into a folder that is not there: a mistyped path is an error,
        // not a new folder (the commands create their --out folders themselves)
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
            throw new NiftiException(file, "folder " + folder + " does not exist");
        }
        DataRange range = DataRange.of(data);
        NiftiHeader out = header.withByteOrder(ByteOrder.LITTLE_ENDIAN);
        IntegerScaling scaling = type.isInteger()
            ? IntegerScaling.fit(range, type, out.layout().field("scl_slope").type())
            : null;
        prepareHeader(out, nx, ny, nz, type, scaling, range);
        try {
            AtomicFiles.write(file, stream -> {
                OutputStream target = gzip
                    ? new GZIPOutputStream(stream, STREAM_BUFFER)
                    : new BufferedOutputStream(stream, STREAM_BUFFER);
                target.write(out.toBytes());
                // The 4-byte extension flag after the header: zero, no extensions follow.
                target.write(new byte[out.layout().minDataOffset() - out.layout().headerSize()]);
                VoxelEncoder.write(target, data, type, scaling);
                target.close();
            });
        } catch (IOException e) {
            throw new NiftiException(file, "cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** Everything the output header changes; the geometry fields are left exactly as they were. */
    private static void prepareHeader(NiftiHeader h, int nx, int ny, int nz, NiftiDataType type,
                                      IntegerScaling scaling, DataRange range) {
        boolean nifti1 = h.format() == NiftiFormat.NIFTI1;
        h.setText("magic", nifti1 ? NiftiHeader.NIFTI1_SINGLE_MAGIC : NiftiHeader.NIFTI2_SINGLE_MAGIC);
        h.set("sizeof_hdr", h.layout().headerSize());
        h.set("vox_offset", h.layout().minDataOffset());
        h.setShape3d(nx, ny, nz);
        h.setDatatype(type);
        h.set("scl_slope", scaling == null ? 1 : scaling.slope());
        h.set("scl_inter", scaling == null ? 0 : scaling.inter());
        h.set("cal_min", range.min());
        h.set("cal_max", range.max());
    }
}
