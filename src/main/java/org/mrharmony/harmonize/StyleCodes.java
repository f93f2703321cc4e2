package org.mrharmony.harmonize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.mrharmony.model.NetworkConfig;
import org.mrharmony.model.StarGanV2;

/**
 * The three ways to get a target style code, all from the EMA networks (the ones averaged for
 * inference). Each gives one code for a whole volume.
 */
final class StyleCodes {

    /** Tiles of a reference volume fed to the style encoder (see {@link StyleTiles}). */
    static final int MAX_REFERENCE_TILES = 256;

    private StyleCodes() {
    }

    /**
     * The site's stored mean style.
     *
     * @throws IllegalArgumentException when the model was written without one
     */
    static float[] mean(HarmonizationModel model, SiteInfo site) {
        if (site.meanStyle() == null) {
            throw new IllegalArgumentException(model.dir().resolve(ModelDirectory.INFO_FILE)
                + ": site '" + site.name() + "' has no mean style; use --reference or --latent-seed");
        }
        return site.meanStyle().clone();
    }

    /**
     * M_ema(z, site) with z drawn from {@code seed} by {@link Random#nextGaussian()}: a seed gives
     * the same code on every machine and engine, unlike the engine's own generator.
     */
    static float[] latent(StarGanV2 nets, int site, long seed) {
        NetworkConfig config = nets.config();
        Random random = new Random(seed);
        float[] z = new float[config.latentDim()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        try (NDManager m = nets.manager().newSubManager()) {
            NDArray zs = m.create(z, new Shape(1, z.length));
            NDArray y = m.create(new int[] {site});
            return nets.mappingNetworkEma().style(new ParameterStore(m, false), zs, y, false).toFloatArray();
        }
    }

    /** E_ema(tile, site) averaged over the tiles of a prepared reference volume. */
    static float[] reference(StarGanV2 nets, int site, PreparedInput reference, int axis, int batch) {
        NetworkConfig config = nets.config();
        int size = config.imgSize();
        int channels = config.inChannels();
        List<float[]> tiles = StyleTiles.extract(reference.network(), reference.head(), axis, channels, size,
            MAX_REFERENCE_TILES);
        double[] sum = new double[config.styleDim()];
        int tileArea = channels * size * size;
        for (int first = 0; first < tiles.size(); first += batch) {
            int n = Math.min(batch, tiles.size() - first);
            float[] x = new float[n * tileArea];
            for (int j = 0; j < n; j++) {
                System.arraycopy(tiles.get(first + j), 0, x, j * tileArea, tileArea);
            }
            int[] y = new int[n];
            Arrays.fill(y, site);
            float[] styles;
            try (NDManager m = nets.manager().newSubManager()) {
                NDArray xs = m.create(x, new Shape(n, channels, size, size));
                styles = nets.styleEncoderEma().style(new ParameterStore(m, false), xs, m.create(y), false)
                    .toFloatArray();
            }
            for (int j = 0; j < n; j++) {
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += styles[j * sum.length + d];
                }
            }
        }
        float[] mean = new float[sum.length];
        for (int d = 0; d < mean.length; d++) {
            mean[d] = (float) (sum[d] / tiles.size());
        }
        return mean;
    }
}
