package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

class ThroughPlaneCoherenceTest {

    private static final int N = 12;

    /** v = a x + b z: every through-plane (z) difference is b, in-plane they are a (x) and 0 (y). */
    @Test
    void linearRampHasTheKnownEnergies() {
        Volume v = volume((x, y, z) -> 3 * x + 2 * z);
        assertThat(ThroughPlaneCoherence.energy(v, null, 2)).isCloseTo(4.0, within(1e-9));
        assertThat(ThroughPlaneCoherence.energy(v, null, 0)).isCloseTo(9.0, within(1e-9));
        assertThat(ThroughPlaneCoherence.energy(v, null, 1)).isCloseTo(0.0, within(1e-9));
        assertThat(ThroughPlaneCoherence.anisotropy(v, null, 2)).isCloseTo(4.0 / 4.5, within(1e-9));
    }

    @Test
    void perSliceOffsetsRaiseTheScoreAsAnIndependentLoopComputesIt() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] offset = new double[N];
        for (int k = 0; k < N; k++) {
            offset[k] = 20 * (rng.nextDouble() - 0.5);
        }
        Volume truth = volume((x, y, z) -> 100 + 10 * Math.sin(x / 2.0) * Math.cos(y / 3.0) + z);
        Volume flicker = volume((x, y, z) -> truth.get(x, y, z) + offset[z]);
        boolean[] mask = new boolean[truth.size()];
        for (int z = 0; z < N; z++) {
            for (int y = 2; y < N - 2; y++) {
                for (int x = 2; x < N - 2; x++) {
                    mask[truth.index(x, y, z)] = true;
                }
            }
        }
        double score = ThroughPlaneCoherence.relative(flicker, truth, mask, 2);
        assertThat(score).isGreaterThan(1.5);
        assertThat(score).isCloseTo(naiveRatio(flicker, mask) / naiveRatio(truth, mask), within(1e-9));
        assertThat(ThroughPlaneCoherence.relative(truth, truth, mask, 2)).isCloseTo(1.0, within(1e-12));
        // a global rescale is not flicker
        Volume scaled = volume((x, y, z) -> 3 * truth.get(x, y, z));
        assertThat(ThroughPlaneCoherence.relative(scaled, truth, mask, 2)).isCloseTo(1.0, within(1e-6));
    }

    /** Straight from the definition, with explicit neighbour loops per axis. */
    private static double naiveRatio(Volume v, boolean[] m) {
        double sz = 0, sx = 0, sy = 0;
        int nz = 0, nx = 0, ny = 0;
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    if (!m[v.index(x, y, z)]) {
                        continue;
                    }
                    if (z + 1 < N && m[v.index(x, y, z + 1)]) {
                        sz += Math.pow(v.get(x, y, z + 1) - v.get(x, y, z), 2);
                        nz++;
                    }
                    if (x + 1 < N && m[v.index(x + 1, y, z)]) {
                        sx += Math.pow(v.get(x + 1, y, z) - v.get(x, y, z), 2);
                        nx++;
                    }
                    if (y + 1 < N && m[v.index(x, y + 1, z)]) {
                        sy += Math.pow(v.get(x, y + 1, z) - v.get(x, y, z), 2);
                        ny++;
                    }
                }
            }
        }
        return (sz / nz) / ((sx / nx + sy / ny) / 2);
    }

    interface Field {
        double at(int x, int y, int z);
    }

    private static Volume volume(Field f) {
        Volume v = new Volume(N, N, N, Affine.identity());
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    v.set(x, y, z, (float) f.at(x, y, z));
                }
            }
        }
        return v;
    }
}
