package org.mrharmony.nifti;

import java.nio.file.Path;

/** Reads .nii, .nii.gz and .hdr/.img pairs, NIfTI-1 and NIfTI-2, either byte order. */
public final class NiftiReader {

    private NiftiReader() {
    }

    public static NiftiHeader readHeader(Path file) throws NiftiException {
        throw new NiftiException(file, "reader not implemented yet");
    }

    /** The first (or only) volume. */
    public static NiftiImage read(Path file) throws NiftiException {
        return read(file, 0);
    }

    public static NiftiImage read(Path file, int volumeIndex) throws NiftiException {
        throw new NiftiException(file, "reader not implemented yet");
    }
}
