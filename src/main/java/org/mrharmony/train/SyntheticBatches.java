package org.mrharmony.train;

import java.util.Random;
import org.mrharmony.data.Batch;

/**
 * Random training batches of the right shapes, for measuring speed without data files: images
 * uniform in the networks' range [-1, 1], random source and target sites, normal latents. The
 * trainer's work does not depend on the values.
 */
public final class SyntheticBatches {

    private final TrainConfig cfg;
    private final Random random;

    public SyntheticBatches(TrainConfig cfg, long seed) {
        this.cfg = cfg;
        this.random = new Random(seed);
    }

    public Batch next() {
        int n = cfg.batch();
        int c = cfg.network().inChannels();
        int p = cfg.network().imgSize();
        int latent = cfg.network().latentDim();
        int sites = cfg.network().numDomains();
        return new Batch(n, c, p, latent, images(n * c * p * p), images(n * c * p * p), sites(n, sites),
            sites(n, sites), images(n * c * p * p), images(n * c * p * p), normals(n * latent), normals(n * latent));
    }

    private float[] images(int length) {
        float[] a = new float[length];
        for (int i = 0; i < length; i++) {
            a[i] = random.nextFloat() * 2 - 1;
        }
        return a;
    }

    private float[] normals(int length) {
        float[] a = new float[length];
        for (int i = 0; i < length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    private int[] sites(int n, int sites) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt(sites);
        }
        return a;
    }
}
