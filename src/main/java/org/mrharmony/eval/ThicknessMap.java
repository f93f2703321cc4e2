package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * Cortical thickness per grey-matter voxel.
 *
 * @param thickness      thickness in mm at each GM voxel where it could be measured, 0 elsewhere
 * @param meanMm         mean over the measured voxels (NaN when none)
 * @param measuredVoxels GM voxels with a thickness
 * @param gmVoxels       all GM voxels; the difference are voxels not between a WM and a pial
 *                       boundary (e.g. deep grey matter enclosed by white matter)
 */
public record ThicknessMap(Volume thickness, double meanMm, int measuredVoxels, int gmVoxels) {
}
