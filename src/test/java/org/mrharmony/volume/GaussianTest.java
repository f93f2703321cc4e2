package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class GaussianTest {

    @Test
    void matchesAHandComputedKernelSumWithReplicatedEdges() {
        // Voxel sizes 1, 2, 0.5 mm and sigma 1.2 mm: 1.2, 0.6 and 2.4 voxels; radii 5, 3 and 10.
        Volume v = TestVolumes.random(7, 6, 5, Affine.diagonal(1, 2, 0.5), 8);
        Volume g = Gaussian.smooth(v, 1.2);
        double[] sigma = {1.2, 0.6, 2.4};
        int[][] points = {{0, 0, 0}, {3, 2, 2}, {6, 5, 4}, {1, 4, 3}};
        for (int[] p : points) {
            double expected = 0;
            double[][] w = new double[3][];
            int[] radius = new int[3];
            for (int a = 0; a < 3; a++) {
                radius[a] = (int) Math.ceil(4 * sigma[a]);
                w[a] = new double[2 * radius[a] + 1];
                double sum = 0;
                for (int d = -radius[a]; d <= radius[a]; d++) {
                    w[a][d + radius[a]] = Math.exp(-d * d / (2 * sigma[a] * sigma[a]));
                    sum += w[a][d + radius[a]];
                }
                for (int i = 0; i < w[a].length; i++) {
                    w[a][i] /= sum;
                }
            }
            for (int dz = -radius[2]; dz <= radius[2]; dz++) {
                for (int dy = -radius[1]; dy <= radius[1]; dy++) {
                    for (int dx = -radius[0]; dx <= radius[0]; dx++) {
                        int x = Math.min(Math.max(p[0] + dx, 0), 6);
                        int y = Math.min(Math.max(p[1] + dy, 0), 5);
                        int z = Math.min(Math.max(p[2] + dz, 0), 4);
                        expected += w[0][dx + radius[0]] * w[1][dy + radius[1]] * w[2][dz + radius[2]] * v.get(x, y, z);
                    }
                }
            }
            assertThat((double) g.get(p[0], p[1], p[2])).isCloseTo(expected, offset(1e-3));
        }
    }

    @Test
    void constantStaysConstantAndMassIsKeptAwayFromEdges() {
        Volume c = new Volume(6, 6, 6, Affine.diagonal(1, 1, 3));
        java.util.Arrays.fill(c.data(), 5f);
        assertThat(Gaussian.smooth(c, 2.0).data()).containsOnly(5f);

        Volume delta = new Volume(21, 21, 21, Affine.identity());
        delta.set(10, 10, 10, 1f);
        Volume g = Gaussian.smooth(delta, 1.5);
        double sum = 0;
        for (float f : g.data()) {
            sum += f;
        }
        assertThat(sum).isCloseTo(1.0, offset(1e-5));
        assertThat(g.get(10, 10, 10)).isGreaterThan(g.get(11, 10, 10));
        // Isotropic voxels: the same weight one step away along any axis (up to float rounding).
        assertThat(g.get(11, 10, 10)).isCloseTo(g.get(10, 9, 10), offset(1e-8f));
        assertThat(delta.get(10, 10, 10)).as("input untouched").isEqualTo(1f);
    }

    @Test
    void zeroSigmaLeavesAnAxisAlone() {
        Volume v = TestVolumes.random(5, 4, 3, Affine.identity(), 9);
        assertThat(Gaussian.smooth(v, new double[] {0, 0, 0}).data()).containsExactly(v.data());

        Volume delta = new Volume(5, 4, 7, Affine.identity());
        delta.set(2, 1, 3, 1f);
        Volume onlyZ = Gaussian.smooth(delta, new double[] {0, 0, 1});
        for (int z = 0; z < 7; z++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    if (x != 2 || y != 1) {
                        assertThat(onlyZ.get(x, y, z)).isZero();
                    }
                }
            }
        }
        // Along z, the normalised kernel of sigma 1 (radius 4: offsets beyond the volume fold onto the edges).
        double norm = 0;
        for (int d = -4; d <= 4; d++) {
            norm += Math.exp(-0.5 * d * d);
        }
        assertThat((double) onlyZ.get(2, 1, 3)).isCloseTo(1 / norm, offset(1e-6));
        assertThat((double) onlyZ.get(2, 1, 5)).isCloseTo(Math.exp(-2) / norm, offset(1e-6));
    }
}
