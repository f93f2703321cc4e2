package org.mrharmony.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mrharmony.volume.IndexBox;
import org.mrharmony.volume.SlicePlane;
import org.mrharmony.volume.Slices;
import org.mrharmony.volume.Volume;

/**
 * Draws training batches (METHOD.md, "Sampling"): sites balanced; within a site a random
 * volume, then a random usable slice; a random square crop around the head at native
 * resolution; {@code C} adjacent slices as channels.
 *
 * <p>Reproducible and resumable: batch {@code t} depends only on (seed, t), so a run resumed at
 * step t draws exactly what an uninterrupted run would have.
 */
public final class StackSampler {

    private final TrainingSet set;
    private final long seed;
    private final int latentDim;

    public StackSampler(TrainingSet set, long seed, int latentDim) {
        this.set = set;
        this.seed = seed;
        this.latentDim = latentDim;
    }

    public Batch batch(long step, int size) {
        return batch(step, 0, size);
    }

    /**
     * Draw {@code draw} of step {@code step}: draw 0 is the iteration's batch ({@link #batch(long,
     * int)}), draws 1, 2, ... further batches of the same step (the extra discriminator updates of
     * {@code d_steps}), each reproducible from (seed, step, draw).
     */
    public Batch batch(long step, int draw, int size) {
        if (draw < 0) {
            throw new IllegalArgumentException("draw must not be negative, got " + draw);
        }
        SplittableRandom rng = new SplittableRandom(draw == 0 ? mix(seed, step) : mix(mix(seed, step), draw));
        SlicingConfig s = set.slicing();
        int c = s.channels();
        int p = s.patch();
        int stackLen = c * p * p;
        float[] source = new float[size * stackLen];
        float[] sourceNext = new float[size * stackLen];
        float[] reference = new float[size * stackLen];
        float[] reference2 = new float[size * stackLen];
        int[] sourceSite = new int[size];
        int[] targetSite = new int[size];
        for (int b = 0; b < size; b++) {
            sourceSite[b] = rng.nextInt(set.siteCount());
            targetSite[b] = rng.nextInt(set.siteCount());
            Draw d = draw(rng, sourceSite[b]);
            copyStack(d, 0, source, b * stackLen);
            copyStack(d, 1, sourceNext, b * stackLen);
            copyStack(draw(rng, targetSite[b]), 0, reference, b * stackLen);
            copyStack(draw(rng, targetSite[b]), 0, reference2, b * stackLen);
        }
        float[] z1 = gaussians(rng, size * latentDim);
        float[] z2 = gaussians(rng, size * latentDim);
        return new Batch(size, c, p, latentDim, source, sourceNext, sourceSite, targetSite, reference, reference2,
            z1, z2);
    }

    /**
     * {@code n} random stacks of one site (channel-major, {@code n * C * P * P} floats), e.g. to
     * average the style encoder over a site. Reproducible by {@code drawSeed}.
     */
    public float[] siteStacks(int site, int n, long drawSeed) {
        SplittableRandom rng = new SplittableRandom(mix(seed ^ 0x5DEECE66DL, drawSeed));
        int len = set.slicing().channels() * set.slicing().patch() * set.slicing().patch();
        float[] out = new float[n * len];
        for (int i = 0; i < n; i++) {
            copyStack(draw(rng, site), 0, out, i * len);
        }
        return out;
    }

    /** A random volume of the site, usable slice and crop window. */
    private Draw draw(SplittableRandom rng, int site) {
        var volumes = set.volumes(site);
        PreparedVolume v = volumes.get(rng.nextInt(volumes.size()));
        int k = v.usableSlices()[rng.nextInt(v.usableSlices().length)];
        SlicePlane plane = SlicePlane.of(v.network(), set.slicing().axis());
        IndexBox box = v.head().boundingBox().orElseThrow();
        int p = set.slicing().patch();
        int u0 = cropStart(rng, box.offset()[plane.widthAxis()], box.dims()[plane.widthAxis()], plane.width(), p);
        int v0 = cropStart(rng, box.offset()[plane.heightAxis()], box.dims()[plane.heightAxis()], plane.height(), p);
        return new Draw(v.network(), plane, k, u0, v0);
    }

    /**
     * Start of a crop of size p along an axis of length n whose head spans [lo, lo+len): the crop
     * centre is uniform over the head's extent, and the crop stays inside the image when the image
     * is large enough (otherwise it is centred and padded).
     */
    static int cropStart(SplittableRandom rng, int lo, int len, int n, int p) {
        if (n <= p) {
            return -(p - n) / 2;
        }
        int centre = lo + rng.nextInt(Math.max(1, len));
        int start = centre - p / 2;
        return Math.max(0, Math.min(n - p, start));
    }

    private void copyStack(Draw d, int offset, float[] target, int at) {
        int c = set.slicing().channels();
        int p = set.slicing().patch();
        float[][] stack = Slices.stack(d.volume, set.slicing().axis(), d.slice + offset, c);
        int w = d.plane.width();
        int h = d.plane.height();
        for (int ch = 0; ch < c; ch++) {
            float[] slice = stack[ch];
            int base = at + ch * p * p;
            for (int row = 0; row < p; row++) {
                int y = d.v0 + row;
                int dst = base + row * p;
                if (y < 0 || y >= h) {
                    Arrays.fill(target, dst, dst + p, IntensityNormalization.BACKGROUND);
                    continue;
                }
                for (int col = 0; col < p; col++) {
                    int x = d.u0 + col;
                    target[dst + col] = x < 0 || x >= w ? IntensityNormalization.BACKGROUND : slice[y * w + x];
                }
            }
        }
    }

    private static float[] gaussians(SplittableRandom rng, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i += 2) {
            // Box-Muller: SplittableRandom has no nextGaussian in Java 17
            double u1 = 1.0 - rng.nextDouble();
            double u2 = rng.nextDouble();
            // StrictMath: the same seed must give the same latents whether or not the JIT compiled this.
            double r = Math.sqrt(-2 * StrictMath.log(u1));
            out[i] = (float) (r * StrictMath.cos(2 * Math.PI * u2));
            if (i + 1 < n) {
                out[i + 1] = (float) (r * StrictMath.sin(2 * Math.PI * u2));
            }
        }
        return out;
    }

    /** SplitMix64 finaliser of (seed, step): independent streams per step. */
    static long mix(long seed, long step) {
        long z = seed * 0x9E3779B97F4A7C15L + step;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private record Draw(Volume volume, SlicePlane plane, int slice, int u0, int v0) {
    }
}
