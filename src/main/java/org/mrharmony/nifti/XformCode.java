package org.mrharmony.nifti;

/** What the qform or sform coordinates mean (NIFTI_XFORM_* in nifti1.h). */
public enum XformCode implements HeaderCode {
    UNKNOWN(0, "unknown"),
    SCANNER_ANAT(1, "scanner"),
    ALIGNED_ANAT(2, "aligned"),
    TALAIRACH(3, "talairach"),
    MNI_152(4, "mni"),
    TEMPLATE_OTHER(5, "template");

    private final int code;
    private final String label;

    XformCode(int code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** Null for a code the standard does not define. */
    public static XformCode fromCodeOrNull(long code) {
        return HeaderCode.byCodeOrNull(XformCode.class, code);
    }
}
