package org.mrharmony.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.mrharmony.data.StackSampler;
import org.mrharmony.data.TrainingSet;
import org.mrharmony.model.StarGanV2;

/**
 * Each site's mean style: the EMA style encoder averaged over random stacks of the site's
 * training volumes (METHOD.md, "Harmonizing a volume", step 2: one code for every volume).
 */
public final class MeanStyles {

    public static final int DEFAULT_SAMPLES = 64;
    private static final int CHUNK = 16;

    private MeanStyles() {
    }

    public static float[][] compute(StarGanV2 nets, TrainingSet set, StackSampler sampler, int samples) {
        int c = set.slicing().channels();
        int p = set.slicing().patch();
        int dim = nets.config().styleDim();
        float[][] styles = new float[set.siteCount()][dim];
        for (int site = 0; site < set.siteCount(); site++) {
            float[] stacks = sampler.siteStacks(site, samples, site);
            double[] sum = new double[dim];
            for (int start = 0; start < samples; start += CHUNK) {
                int n = Math.min(CHUNK, samples - start);
                try (NDManager sm = nets.manager().newSubManager()) {
                    float[] chunk = new float[n * c * p * p];
                    System.arraycopy(stacks, start * c * p * p, chunk, 0, chunk.length);
                    NDArray x = sm.create(chunk, new Shape(n, c, p, p));
                    int[] labels = new int[n];
                    java.util.Arrays.fill(labels, site);
                    float[] s = nets.styleEncoderEma().style(new ParameterStore(sm, false), x, sm.create(labels), false)
                        .toFloatArray();
                    for (int i = 0; i < s.length; i++) {
                        sum[i % dim] += s[i];
                    }
                }
            }
            for (int d = 0; d < dim; d++) {
                styles[site][d] = (float) (sum[d] / samples);
            }
        }
        return styles;
    }
}
