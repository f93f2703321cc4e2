package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ForegroundMaskTest {

    @Test
    void findsANoisySphereWithADarkCoreAndWithoutAStraySpeck() {
        int n = 40;
        double radius = 13;
        Volume v = new Volume(n, n, n, Affine.diagonal(1.2, 1.2, 1.2));
        boolean[] truth = new boolean[v.size()];
        Random r = new Random(21);
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double d = Math.sqrt(sq(x - 19.5) + sq(y - 19.5) + sq(z - 19.5));
                    boolean in = d <= radius;
                    truth[v.index(x, y, z)] = in;
                    // Tissue around 100 with a dark core (a "ventricle") near 15; background Rician-like noise.
                    double signal = in ? (d < 4 ? 15 : 100) : 0;
                    v.set(x, y, z, (float) Math.abs(signal + 12 * r.nextGaussian()));
                }
            }
        }
        // A bright speck in a corner: not part of the head.
        for (int z = 1; z < 4; z++) {
            for (int y = 1; y < 4; y++) {
                for (int x = 1; x < 4; x++) {
                    v.set(x, y, z, 120);
                }
            }
        }
        Mask sphere = Mask.of(n, n, n, truth);

        Mask m = ForegroundMask.compute(v);

        assertThat(m.dice(sphere)).isGreaterThan(0.95);
        assertThat(m.get(2, 2, 2)).as("stray speck").isFalse();
        assertThat(m.get(20, 20, 20)).as("dark core filled").isTrue();
        assertThat(m.get(0, 0, 0)).isFalse();
        assertThat(m.boundingBox().orElseThrow().dims()[0]).isBetween(25, 29);
    }

    private static double sq(double v) {
        return v * v;
    }
}
