package org.mrharmony.nifti;

/**
 * Every field of a NIfTI-1 or NIfTI-2 header that a reader or writer needs.
 * TODO(nifti): fields, layout table, validity checks, qform/sform maths.
 */
public final class NiftiHeader {

    /** A NIfTI-1 float32 header for a new 3D volume, with sform and qform both set from the affine. */
    public static NiftiHeader forVolume(int nx, int ny, int nz, double[][] affine) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public NiftiFormat format() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The affine a reader should use: sform if its code is positive, else qform, else pixdim scaling. 4x4. */
    public double[][] affine() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public NiftiHeader copy() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
