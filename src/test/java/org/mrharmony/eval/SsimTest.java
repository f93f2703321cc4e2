package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

class SsimTest {

    private static Volume random(int nx, int ny, int nz, long seed) {
        Random rnd = new Random(seed);
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (rnd.nextDouble() * 100);
        }
        return new Volume(nx, ny, nz, d, Affine.identity());
    }

    private static Volume constant(int nx, int ny, int nz, float v) {
        float[] d = new float[nx * ny * nz];
        java.util.Arrays.fill(d, v);
        return new Volume(nx, ny, nz, d, Affine.identity());
    }

    /** Mirror index for the test's own padding: ... 1 0 | 0 1 ... n-1 | n-1 n-2 ... */
    private static int mirror(int i, int n) {
        while (i < 0 || i >= n) {
            i = i < 0 ? -i - 1 : 2 * n - 1 - i;
        }
        return i;
    }

    /**
     * SSIM map written out directly: at every voxel, the explicit 11x11x11 window of 3D
     * Gaussian weights exp(-|d|²/2σ²) normalised over the cube, two-pass weighted moments.
     */
    private static double[] bruteForceMap(Volume a, Volume b, double range) {
        int r = 5;
        double sigma = 1.5;
        double c1 = Math.pow(0.01 * range, 2);
        double c2 = Math.pow(0.03 * range, 2);
        double[] out = new double[a.size()];
        for (int z = 0; z < a.nz(); z++) {
            for (int y = 0; y < a.ny(); y++) {
                for (int x = 0; x < a.nx(); x++) {
                    double wsum = 0;
                    double sx = 0;
                    double sy = 0;
                    for (int dz = -r; dz <= r; dz++) {
                        for (int dy = -r; dy <= r; dy++) {
                            for (int dx = -r; dx <= r; dx++) {
                                double w = Math.exp(-(dx * dx + dy * dy + dz * dz) / (2 * sigma * sigma));
                                int xi = mirror(x + dx, a.nx());
                                int yi = mirror(y + dy, a.ny());
                                int zi = mirror(z + dz, a.nz());
                                wsum += w;
                                sx += w * a.get(xi, yi, zi);
                                sy += w * b.get(xi, yi, zi);
                            }
                        }
                    }
                    double mx = sx / wsum;
                    double my = sy / wsum;
                    double vx = 0;
                    double vy = 0;
                    double cxy = 0;
                    for (int dz = -r; dz <= r; dz++) {
                        for (int dy = -r; dy <= r; dy++) {
                            for (int dx = -r; dx <= r; dx++) {
                                double w = Math.exp(-(dx * dx + dy * dy + dz * dz) / (2 * sigma * sigma)) / wsum;
                                int xi = mirror(x + dx, a.nx());
                                int yi = mirror(y + dy, a.ny());
                                int zi = mirror(z + dz, a.nz());
                                double ex = a.get(xi, yi, zi) - mx;
                                double ey = b.get(xi, yi, zi) - my;
                                vx += w * ex * ex;
                                vy += w * ey * ey;
                                cxy += w * ex * ey;
                            }
                        }
                    }
                    out[a.index(x, y, z)] = ((2 * mx * my + c1) * (2 * cxy + c2))
                        / ((mx * mx + my * my + c1) * (vx + vy + c2));
                }
            }
        }
        return out;
    }

    @Test
    void separableMapMatchesBruteForceWindowedSumsOnRandom12Cube() {
        Volume a = random(12, 12, 12, 1);
        Volume b = random(12, 12, 12, 2);
        // Make b partly related to a so SSIM is not near 0 everywhere.
        for (int i = 0; i < b.size(); i++) {
            b.data()[i] = 0.6f * a.data()[i] + 0.4f * b.data()[i];
        }
        double range = 100;
        double[] fast = Ssim.map(a, b, range);
        double[] slow = bruteForceMap(a, b, range);
        for (int i = 0; i < fast.length; i++) {
            assertThat(fast[i]).as("voxel %d", i).isCloseTo(slow[i], within(1e-6));
        }
        boolean[] mask = new boolean[a.size()];
        Random rnd = new Random(3);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rnd.nextBoolean();
            if (mask[i]) {
                sum += slow[i];
                n++;
            }
        }
        assertThat(Ssim.mean(a, b, mask, range)).isCloseTo(sum / n, within(1e-6));
        assertThat(sum / n).isBetween(0.1, 0.99);
    }

    @Test
    void flatVolume2dMatchesBruteForceToo() {
        Volume a = random(12, 9, 1, 4);
        Volume b = random(12, 9, 1, 5);
        double[] fast = Ssim.map(a, b, 100);
        double[] slow = bruteForceMap(a, b, 100);
        for (int i = 0; i < fast.length; i++) {
            assertThat(fast[i]).isCloseTo(slow[i], within(1e-6));
        }
    }

    @Test
    void identicalVolumesScoreOne() {
        Volume a = random(10, 11, 12, 6);
        assertThat(Ssim.mean(a, a.copy(), null, 100)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void constantVolumesGiveTheLuminanceTermByHand() {
        // Constant windows: variances and covariance are 0, so the structure term is C2/C2 = 1 and
        // SSIM = (2·0.2·0.4 + C1) / (0.2² + 0.4² + C1) with R = 1, C1 = 1e-4.
        double ssim = Ssim.mean(constant(7, 8, 9, 0.2f), constant(7, 8, 9, 0.4f), null, 1.0);
        assertThat(ssim).isCloseTo(0.1601 / 0.2001, within(1e-6));
    }

    @Test
    void affineRelatedUniformRegionsInsideMaskByHand() {
        // a = 1 for x < 10, 3 for x >= 10; b = 2a + 1 (so 3 and 7). The mask keeps voxels whose
        // 11-wide window stays inside one half (x <= 4 or x >= 15); the reflected border copies the
        // same constant. R = 10, C1 = 0.01: left (2·1·3 + .01)/(1 + 9 + .01), right (2·3·7 + .01)/(9 + 49 + .01).
        int nx = 20;
        int ny = 6;
        int nz = 5;
        Volume a = new Volume(nx, ny, nz, Affine.identity());
        Volume b = new Volume(nx, ny, nz, Affine.identity());
        boolean[] mask = new boolean[a.size()];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    float v = x < 10 ? 1f : 3f;
                    a.set(x, y, z, v);
                    b.set(x, y, z, 2 * v + 1);
                    mask[a.index(x, y, z)] = x <= 4 || x >= 15;
                }
            }
        }
        double left = 6.01 / 10.01;
        double right = 42.01 / 58.01;
        assertThat(Ssim.mean(a, b, mask, 10)).isCloseTo((left + right) / 2, within(1e-9));
        // Near the step the structure term enters and the value differs from both halves.
        double[] map = Ssim.map(a, b, 10);
        assertThat(map[a.index(9, 2, 2)]).isNotCloseTo(left, within(1e-3));
    }

    @Test
    void rejectsMismatchedSizesAndBadRange() {
        assertThatThrownBy(() -> Ssim.mean(random(4, 4, 4, 1), random(4, 4, 5, 1), null, 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x4x4 vs 4x4x5");
        assertThatThrownBy(() -> Ssim.mean(random(4, 4, 4, 1), random(4, 4, 4, 1), null, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data range");
    }
}
