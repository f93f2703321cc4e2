package org.mrharmony.nifti;

/**
 * One row of a header layout table: a named field of {@code count} elements of one type at
 * a fixed byte offset.
 */
record HeaderField(String name, FieldType type, int count, int offset) {

    int size() {
        return type.bytes() * count;
    }

    int end() {
        return offset + size();
    }
}
