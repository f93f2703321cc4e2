package org.mrharmony.harmonize;

/**
 * Slices {@code first..last} (inclusive) along the model's slice axis of the canonical (RAS)
 * grid: the part of a volume to translate when not all of it is needed, e.g. a central slab
 * scored during training.
 */
public record SliceRange(int first, int last) {

    public SliceRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("slice range must satisfy 0 <= first <= last, got " + first + ".." + last);
        }
    }

    /** {@code count} slices centred on {@code centre}, kept inside {@code 0..length-1}. */
    public static SliceRange centred(int centre, int count, int length) {
        int n = Math.min(count, length);
        int first = Math.max(0, Math.min(length - n, centre - n / 2));
        return new SliceRange(first, first + n - 1);
    }

    public int count() {
        return last - first + 1;
    }
}
