package org.mrharmony.nifti;

import java.nio.file.Path;

/** Writes .nii or .nii.gz (chosen by the file name) atomically: temp file, then rename. */
public final class NiftiWriter {

    private NiftiWriter() {
    }

    /**
     * Writes one 3D volume with the geometry of {@code header} (affine, codes, pixdim, units
     * kept exactly) in the given datatype; integer types get a scl_slope/scl_inter that fits the data.
     */
    public static void write(Path file, NiftiHeader header, int nx, int ny, int nz, float[] data,
                             NiftiDataType type) throws NiftiException {
        throw new NiftiException(file, "writer not implemented yet");
    }
}
