package org.mrharmony.volume;

/** How {@link Resample} reads a volume between voxel centres. */
public enum Interpolation {
    /** The value of the closest voxel: for label maps and masks, where values must not mix. */
    NEAREST,
    /** Trilinear: the 8 surrounding voxels weighted by distance. */
    TRILINEAR
}
