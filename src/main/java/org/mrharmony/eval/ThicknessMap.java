package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * Cortical thickness per grey-matter voxel.
 *
 * <p>Two means: a thick stretch of cortex holds more voxels than a thin one, so the plain mean
 * over voxels weights it more (a size-biased mean: a 2.5 mm ribbon sampled by 1.5 mm voxels,
 * one or two voxels deep, averages about 2.7 mm over voxels). Weighting each voxel by
 * 1/thickness gives every column of cortex the same weight, i.e. averages over the cortical
 * surface, which is what "mean cortical thickness" means; that weighted mean is the harmonic
 * mean of the voxel values.
 *
 * @param thickness      thickness in mm at each GM voxel where it could be measured, 0 elsewhere
 * @param meanMm         mean over the cortical surface (harmonic mean of the measured voxels;
 *                       NaN when none)
 * @param voxelMeanMm    arithmetic mean over the measured voxels (NaN when none)
 * @param measuredVoxels GM voxels with a thickness
 * @param gmVoxels       all GM voxels; the difference are voxels not between a WM and a pial
 *                       boundary (e.g. deep grey matter enclosed by white matter)
 */
public record ThicknessMap(Volume thickness, double meanMm, double voxelMeanMm, int measuredVoxels, int gmVoxels) {
}
