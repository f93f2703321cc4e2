package org.mrharmony.harmonize;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mrharmony.data.IntensityStats;
import org.mrharmony.model.NetworkConfig;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

/** Small synthetic heads and tiny model directories for the harmonize, bids and bench tests. */
public final class HarmonizeTestData {

    /** The tiny preset: an untrained generator that changes its input. */
    public static final NetworkConfig TINY = NetworkPresets.named(NetworkPresets.TINY, 2);
    /** The tiny preset with residual output: the untrained generator is exactly the identity. */
    public static final NetworkConfig TINY_IDENTITY = new NetworkConfig(TINY.imgSize(), TINY.inChannels(), TINY.dimIn(),
        TINY.maxConvDim(), TINY.styleDim(), TINY.latentDim(), TINY.numDomains(), TINY.mappingHidden(), true);

    public static final IntensityStats ALPHA_SCALE = new IntensityStats(300, 900);
    public static final IntensityStats BETA_SCALE = new IntensityStats(80, 250);

    private HarmonizeTestData() {
    }

    /**
     * A head-like volume on a RAS grid: an ellipsoid of "scalp" around "grey" and "white" matter,
     * dark ventricles, a bright blob off-centre (so flips and axis swaps change the image), noise.
     */
    public static Volume head(int nx, int ny, int nz, Affine affine, double scale, long seed) {
        Random r = new Random(seed);
        Volume v = new Volume(nx, ny, nz, affine);
        double cx = (nx - 1) / 2.0;
        double cy = (ny - 1) / 2.0;
        double cz = (nz - 1) / 2.0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double dx = (x - cx) / (0.42 * nx);
                    double dy = (y - cy) / (0.42 * ny);
                    double dz = (z - cz) / (0.42 * nz);
                    double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    double value;
                    if (d > 1) {
                        value = Math.abs(r.nextGaussian()) * 4;
                    } else if (d > 0.85) {
                        value = 350;
                    } else if (d > 0.6) {
                        value = 480;
                    } else if (d < 0.2) {
                        value = 120;
                    } else {
                        value = 720;
                    }
                    double bx = (x - 0.7 * nx) / 2.0;
                    double by = (y - 0.35 * ny) / 2.0;
                    double bz = (z - 0.6 * nz) / 2.0;
                    if (d <= 1 && bx * bx + by * by + bz * bz < 1) {
                        value = 900;
                    }
                    if (d <= 1) {
                        value += r.nextGaussian() * 15;
                    }
                    v.set(x, y, z, (float) (value * scale));
                }
            }
        }
        return v;
    }

    /**
     * The volume as a site with another contrast curve would show it: inside the head each value
     * v becomes 30 √v (monotone, not linear: the tissues' contrast compressed, 350 → 561 and
     * 720 → 805, the brightest, 900, kept); the background is left as it is, so the head mask
     * stays (nearly) the same.
     */
    public static Volume compressedContrast(Volume v) {
        Mask head = ForegroundMask.compute(v);
        float[] out = v.data().clone();
        for (int i = 0; i < out.length; i++) {
            if (head.get(i)) {
                out[i] = (float) (30 * Math.sqrt(Math.max(0, out[i])));
            }
        }
        return v.withData(out);
    }

    /** A model directory with sites "alpha" (index 0) and "beta" (1), mean styles and fitted baselines. */
    public static Path writeModel(Path dir, NetworkConfig config, int seed) throws IOException {
        List<SiteInfo> sites = new ArrayList<>();
        String[] names = {"alpha", "beta"};
        IntensityStats[] scales = {ALPHA_SCALE, BETA_SCALE};
        Random r = new Random(seed);
        for (int k = 0; k < 2; k++) {
            float[] style = new float[config.styleDim()];
            for (int i = 0; i < style.length; i++) {
                style[i] = (float) r.nextGaussian();
            }
            SiteBaselines.Fitter fitter = new SiteBaselines.Fitter();
            for (int v = 0; v < 2; v++) {
                Volume training = head(18, 20, 16, Affine.diagonal(1, 1, 1), k == 0 ? 1.0 + 0.1 * v : 0.3 + 0.05 * v,
                    100L * k + v);
                fitter.add(training, ForegroundMask.compute(training));
            }
            sites.add(new SiteInfo(names[k], k, scales[k], style, fitter.result()));
        }
        ModelInfo info = new ModelInfo(ModelDirectory.FORMAT_VERSION, "test", sites, 2, config.inChannels(),
            99.5, 1234, null);
        try (StarGanV2 nets = StarGanV2.create(config, Device.cpu(), seed)) {
            ModelDirectory.write(dir, info, nets);
        }
        return dir;
    }
}
