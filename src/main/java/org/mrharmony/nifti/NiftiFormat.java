package org.mrharmony.nifti;

/** Header flavour: NIfTI-1 (348-byte header) or NIfTI-2 (540-byte header). */
public enum NiftiFormat {
    NIFTI1,
    NIFTI2;

    public String label() {
        return this == NIFTI1 ? "nifti1" : "nifti2";
    }
}
