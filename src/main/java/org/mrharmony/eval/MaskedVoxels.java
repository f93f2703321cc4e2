package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * The voxels inside a mask as a compact list, with each one's 6-neighbours inside the mask,
 * for algorithms that iterate over a brain and look at neighbours (the MRF of
 * {@link TissueSegmenter}).
 */
final class MaskedVoxels {

    static final int NEIGHBOURS = 6;

    private final int[] voxelIndex;
    private final double[] intensities;
    private final int[] neighbours;
    private final double[] neighbourWeights;
    private final int[][] checkerboard;

    private MaskedVoxels(int[] voxelIndex, double[] intensities, int[] neighbours, double[] neighbourWeights,
                         int[][] checkerboard) {
        this.voxelIndex = voxelIndex;
        this.intensities = intensities;
        this.neighbours = neighbours;
        this.neighbourWeights = neighbourWeights;
        this.checkerboard = checkerboard;
    }

    /** The voxels of {@code image} inside {@code mask}, in volume (x-fastest) order. */
    static MaskedVoxels of(Volume image, boolean[] mask) {
        int nx = image.nx();
        int ny = image.ny();
        int nz = image.nz();
        int[] compact = new int[mask.length];
        int count = 0;
        for (int i = 0; i < mask.length; i++) {
            compact[i] = mask[i] ? count++ : -1;
        }
        int[] voxelIndex = new int[count];
        double[] intensities = new double[count];
        int[] neighbours = new int[NEIGHBOURS * count];
        int[] parityCount = new int[2];
        float[] data = image.data();
        int[][] offsets = {{-1, 0, 0}, {1, 0, 0}, {0, -1, 0}, {0, 1, 0}, {0, 0, -1}, {0, 0, 1}};
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    int c = compact[i];
                    if (c < 0) {
                        continue;
                    }
                    voxelIndex[c] = i;
                    intensities[c] = data[i];
                    parityCount[(x + y + z) & 1]++;
                    for (int d = 0; d < NEIGHBOURS; d++) {
                        int xx = x + offsets[d][0];
                        int yy = y + offsets[d][1];
                        int zz = z + offsets[d][2];
                        boolean inside = xx >= 0 && yy >= 0 && zz >= 0 && xx < nx && yy < ny && zz < nz;
                        neighbours[NEIGHBOURS * c + d] = inside ? compact[xx + nx * (yy + ny * zz)] : -1;
                    }
                }
            }
        }
        int[][] checkerboard = {new int[parityCount[0]], new int[parityCount[1]]};
        int[] fill = new int[2];
        for (int c = 0; c < count; c++) {
            int i = voxelIndex[c];
            int x = i % nx;
            int y = (i / nx) % ny;
            int z = i / (nx * ny);
            int p = (x + y + z) & 1;
            checkerboard[p][fill[p]++] = c;
        }
        // Closer neighbours count more: weight = smallest voxel size / this axis's voxel size.
        double[] h = image.voxelSizes();
        double hMin = Math.min(h[0], Math.min(h[1], h[2]));
        double[] weights = new double[NEIGHBOURS];
        for (int d = 0; d < NEIGHBOURS; d++) {
            weights[d] = hMin / h[d / 2];
        }
        return new MaskedVoxels(voxelIndex, intensities, neighbours, weights, checkerboard);
    }

    int count() {
        return voxelIndex.length;
    }

    /** For each masked voxel, its index in the volume. */
    int[] voxelIndex() {
        return voxelIndex;
    }

    double[] intensities() {
        return intensities;
    }

    /** {@link #NEIGHBOURS} compact indices per voxel (-x, +x, -y, +y, -z, +z), -1 where outside the mask. */
    int[] neighbours() {
        return neighbours;
    }

    /** The weight of a neighbour in each of the six directions. */
    double[] neighbourWeights() {
        return neighbourWeights;
    }

    /** The masked voxels split by parity of x+y+z: no two voxels of one colour are neighbours. */
    int[][] checkerboard() {
        return checkerboard;
    }
}
