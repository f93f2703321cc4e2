package org.mrharmony.nifti;

import java.nio.file.Path;

/**
 * One 3D volume read from a NIfTI file: its header and its voxels after
 * {@code scl_slope}/{@code scl_inter} scaling, x fastest, then y, then z.
 *
 * @param path        the file it came from (for messages)
 * @param header      the full header, kept so the volume can be written back with its geometry
 * @param volumeIndex which volume of a 4D file this is (0 for 3D)
 */
public record NiftiImage(Path path, NiftiHeader header, int nx, int ny, int nz, int volumeIndex, float[] data) {
}
