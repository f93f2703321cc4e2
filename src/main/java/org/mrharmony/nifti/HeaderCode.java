package org.mrharmony.nifti;

/**
 * A named integer code of the NIfTI header (xform codes, units): the standard's number and the
 * short label {@code info} prints. One lookup serves every such enum.
 */
interface HeaderCode {

    int code();

    String label();

    /** The constant of {@code type} whose code is {@code code}; null if the standard defines none. */
    static <E extends Enum<E> & HeaderCode> E byCodeOrNull(Class<E> type, long code) {
        for (E e : type.getEnumConstants()) {
            if (e.code() == code) {
                return e;
            }
        }
        return null;
    }
}
