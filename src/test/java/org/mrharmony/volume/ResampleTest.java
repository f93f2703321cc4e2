package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResampleTest {

    @Test
    void identityGridReturnsTheInput() {
        Affine oblique = TestVolumes.orientedAffine(new int[] {2, 0, 1}, new int[] {1, -1, 1},
            new double[] {1.3, 0.7, 2.2}, 23);
        Volume v = TestVolumes.random(7, 6, 5, oblique, 1);
        assertThat(Resample.trilinear(v, v.grid(), Float.NaN).data()).containsExactly(v.data());
        assertThat(Resample.nearest(v, v.grid(), Float.NaN).data()).containsExactly(v.data());
    }

    @Test
    void linearRampIsReproducedAtArbitraryPoints() {
        Volume v = ramp(6, 7, 5, Affine.identity());
        Random r = new Random(2);
        for (int i = 0; i < 500; i++) {
            double x = r.nextDouble() * 5;
            double y = r.nextDouble() * 6;
            double z = r.nextDouble() * 4;
            float s = Resample.sample(v, x, y, z, Interpolation.TRILINEAR, Float.NaN);
            assertThat((double) s).isCloseTo(rampValue(x, y, z), offset(1e-4));
        }
    }

    @Test
    void rampOnARotatedFinerGridMatchesTheWorldRamp() {
        // Source: 2 x 1 x 3 mm voxels, origin (-10, 5, 2). Its ramp in world terms is known by hand.
        Affine src = Affine.of(new double[][] {{2, 0, 0, -10}, {0, 1, 0, 5}, {0, 0, 3, 2}});
        Volume v = ramp(8, 9, 6, src);
        double[][] rot = TestVolumes.rotation(new double[] {0.2, -1, 0.5}, Math.toRadians(31));
        double[][] rows = new double[3][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rows[i][j] = rot[i][j] * 0.9;
            }
        }
        rows[0][3] = -6;
        rows[1][3] = 7;
        rows[2][3] = 4;
        Volume out = Resample.trilinear(v, new Grid(10, 11, 9, Affine.of(rows)), Float.NaN);
        int inside = 0;
        for (int z = 0; z < out.nz(); z++) {
            for (int y = 0; y < out.ny(); y++) {
                for (int x = 0; x < out.nx(); x++) {
                    double[] w = out.affine().apply(x, y, z);
                    double i = (w[0] + 10) / 2;
                    double j = w[1] - 5;
                    double k = (w[2] - 2) / 3;
                    float got = out.get(x, y, z);
                    if (i >= 0 && i <= 7 && j >= 0 && j <= 8 && k >= 0 && k <= 5) {
                        assertThat((double) got).isCloseTo(rampValue(i, j, k), offset(1e-4));
                        inside++;
                    } else if (i < -0.5 || i > 7.5 || j < -0.5 || j > 8.5 || k < -0.5 || k > 5.5) {
                        assertThat(got).isNaN();
                    }
                }
            }
        }
        assertThat(inside).isGreaterThan(100);
    }

    @Test
    void halfVoxelShiftGivesNeighbourMeans() {
        Volume v = TestVolumes.random(6, 4, 3, Affine.diagonal(1.5, 1, 2), 3);
        Grid shifted = new Grid(6, 4, 3, Affine.of(new double[][] {{1.5, 0, 0, 0.75}, {0, 1, 0, 0}, {0, 0, 2, 0}}));
        Volume out = Resample.trilinear(v, shifted, Float.NaN);
        for (int z = 0; z < 3; z++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    double mean = (v.get(x, y, z) + (double) v.get(x + 1, y, z)) / 2;
                    assertThat((double) out.get(x, y, z)).isCloseTo(mean, offset(1e-4));
                }
                // The last centre lands on the outer edge of the source: edge value replicated.
                assertThat(out.get(5, y, z)).isEqualTo(v.get(5, y, z));
            }
        }
    }

    @Test
    void outsideIsFillAndTheEdgeIsHalfAVoxelOut() {
        Volume v = TestVolumes.random(4, 4, 4, Affine.identity(), 4);
        assertThat(Resample.sample(v, -0.4, 1, 1, Interpolation.TRILINEAR, -9f)).isEqualTo(v.get(0, 1, 1));
        assertThat(Resample.sample(v, -0.6, 1, 1, Interpolation.TRILINEAR, -9f)).isEqualTo(-9f);
        assertThat(Resample.sample(v, 1, 3.5, 1, Interpolation.NEAREST, -9f)).isEqualTo(v.get(1, 3, 1));
        assertThat(Resample.sample(v, 1, 3.51, 1, Interpolation.NEAREST, -9f)).isEqualTo(-9f);
        Grid far = new Grid(3, 3, 3, Affine.identity().shiftedBy(100, 0, 0));
        assertThat(Resample.trilinear(v, far, -9f).data()).containsOnly(-9f);
    }

    @Test
    void nearestNeighbourPicksTheClosestVoxelAndNeverMixesLabels() {
        Volume labels = new Volume(5, 5, 5, Affine.diagonal(2, 2, 2));
        Random r = new Random(5);
        Set<Float> used = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            labels.data()[i] = r.nextInt(4) * 10;
            used.add(labels.data()[i]);
        }
        Volume near = Resample.nearest(labels, labelsShiftedBy(labels, 0.4), -1f);
        Volume far = Resample.nearest(labels, labelsShiftedBy(labels, 0.6), -1f);
        for (int x = 0; x < 4; x++) {
            assertThat(near.get(x, 2, 3)).isEqualTo(labels.get(x, 2, 3));
            assertThat(far.get(x, 2, 3)).isEqualTo(labels.get(x + 1, 2, 3));
        }
        Volume fine = Resample.nearest(labels, Resample.gridWithVoxelSize(labels.grid(), new double[] {0.7, 0.7, 0.7}), -1f);
        Set<Float> seen = new HashSet<>();
        for (float f : fine.data()) {
            seen.add(f);
        }
        assertThat(used).containsAll(seen);
    }

    @Test
    void isotropicGridCoversTheSameFieldOfView() {
        Affine a = Affine.of(new double[][] {{0, 0, -3, 40}, {1, 0, 0, -20}, {0, 1.5, 0, 8}});
        Volume v = ramp(10, 8, 6, a);
        Volume iso = Resample.toIsotropic(v, 1.5, Float.NaN);
        assertThat(iso.dims()).containsExactly(7, 8, 12);
        for (double s : iso.voxelSizes()) {
            assertThat(s).isCloseTo(1.5, offset(1e-12));
        }
        assertThat(Orientation.of(iso.affine())).isEqualTo(Orientation.of(a));
        double[] centreBefore = a.apply(4.5, 3.5, 2.5);
        double[] centreAfter = iso.affine().apply(3, 3.5, 5.5);
        assertThat(centreAfter).containsExactly(centreBefore, offset(1e-9));
        // The ramp, as a function of source voxel coordinates, survives where the new centres are inside.
        Affine toSource = a.inverse().multiply(iso.affine());
        for (int z = 0; z < iso.nz(); z++) {
            for (int y = 0; y < iso.ny(); y++) {
                for (int x = 0; x < iso.nx(); x++) {
                    double[] s = toSource.apply(x, y, z);
                    if (s[0] >= 0 && s[0] <= 9 && s[1] >= 0 && s[1] <= 7 && s[2] >= 0 && s[2] <= 5) {
                        assertThat((double) iso.get(x, y, z)).isCloseTo(rampValue(s[0], s[1], s[2]), offset(1e-3));
                    }
                }
            }
        }
    }

    @Test
    void resamplingOntoTheCanonicalGridIsTheReorientation() {
        Affine pir = Affine.of(new double[][] {{0, 0, 1.2, -30}, {-1, 0, 0, 40}, {0, -2, 0, 25}});
        Volume v = TestVolumes.random(5, 4, 6, pir, 6);
        Volume reoriented = Reorient.toCanonical(v).volume();
        Volume resampled = Resample.trilinear(v, reoriented.grid(), Float.NaN);
        assertThat(resampled.data()).containsExactly(reoriented.data());
    }

    /** A grid on the same axes as {@code v} moved by a fraction of a voxel along x. */
    private static Grid labelsShiftedBy(Volume v, double fraction) {
        return new Grid(v.nx(), v.ny(), v.nz(), v.affine().shiftedBy(fraction, 0, 0));
    }

    private static Volume ramp(int nx, int ny, int nz, Affine affine) {
        Volume v = new Volume(nx, ny, nz, affine);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    v.set(x, y, z, (float) rampValue(x, y, z));
                }
            }
        }
        return v;
    }

    private static double rampValue(double x, double y, double z) {
        return 2 * x - 3 * y + 0.5 * z + 7;
    }
}
