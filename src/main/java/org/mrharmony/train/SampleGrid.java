package org.mrharmony.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.mrharmony.data.IntensityNormalization;
import org.mrharmony.data.StackSampler;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.report.DisplayWindow;
import org.mrharmony.report.ImageKind;
import org.mrharmony.report.MosaicRow;
import org.mrharmony.report.MosaicSpec;
import org.mrharmony.report.OrientedSlice;
import org.mrharmony.report.SliceMosaic;

/**
 * The sample grid written every {@code sample_every} steps ({@code samples/step_000500.png}):
 * one fixed source stack per site (rows), shown as it is and translated by the EMA networks to
 * every site, first latent-guided (one fixed latent code) then reference-guided (one fixed
 * reference stack per target site). Only the centre channel of each stack is drawn, in the
 * network range [-1, 1] so that grids of different steps compare pixel for pixel.
 *
 * <p>The stacks and the latent code come from fixed seeds through
 * {@link StackSampler#siteStacks} and {@link Random}, which keep no state between calls: drawing
 * them does not change what the training run samples.
 */
public final class SampleGrid {

    public static final String FOLDER = "samples";
    /** Drawn size of a patch; the patches are small (32-64 px), so they are scaled up. */
    public static final int PANEL_PIXELS = 96;
    private static final long SOURCE_DRAW = 0x5A4D_504CL;
    private static final long REFERENCE_DRAW = 0x5245_4653L;
    /** Random stacks drawn per site to pick the fixed one from. */
    private static final int CANDIDATES = 16;
    private static final DisplayWindow NETWORK_RANGE = new DisplayWindow(IntensityNormalization.BACKGROUND, 1);

    private final List<String> sites;
    private final int channels;
    private final int patch;
    /** One stack per site, site after site (K x C x P x P). */
    private final float[] sources;
    /** One reference stack per site, likewise. */
    private final float[] references;
    private final float[] latent;

    public SampleGrid(List<String> sites, StackSampler sampler, int channels, int patch, int latentDim, long seed) {
        this.sites = List.copyOf(sites);
        this.channels = channels;
        this.patch = patch;
        int len = channels * patch * patch;
        sources = new float[sites.size() * len];
        references = new float[sites.size() * len];
        for (int s = 0; s < sites.size(); s++) {
            System.arraycopy(mostHead(sampler.siteStacks(s, CANDIDATES, SOURCE_DRAW), len), 0, sources, s * len, len);
            System.arraycopy(mostHead(sampler.siteStacks(s, CANDIDATES, REFERENCE_DRAW), len), 0, references, s * len,
                len);
        }
        Random random = new Random(seed);
        latent = new float[latentDim];
        for (int i = 0; i < latentDim; i++) {
            latent[i] = (float) random.nextGaussian();
        }
    }

    /**
     * Of several random stacks, the one showing the most head: training crops are centred anywhere
     * in the head and often show mostly background at its edge, which says little in a grid.
     */
    static float[] mostHead(float[] stacks, int len) {
        int best = 0;
        int bestCount = -1;
        for (int i = 0; i < stacks.length / len; i++) {
            int count = 0;
            for (int j = i * len; j < (i + 1) * len; j++) {
                if (stacks[j] > IntensityNormalization.BACKGROUND) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = i;
                bestCount = count;
            }
        }
        return Arrays.copyOfRange(stacks, best * len, (best + 1) * len);
    }

    /** {@code samples/step_000500.png} under the model directory. */
    public static Path file(Path modelDir, long step) {
        return modelDir.resolve(FOLDER).resolve(String.format(Locale.ROOT, "step_%06d.png", step));
    }

    /** Translates the fixed stacks with the networks as they are now and writes the grid. */
    public Path write(Path modelDir, long step, StarGanV2 nets) throws IOException {
        MosaicSpec spec = spec(nets);
        Path file = file(modelDir, step);
        SliceMosaic.writePng(spec, file);
        return file;
    }

    MosaicSpec spec(StarGanV2 nets) {
        int k = sites.size();
        List<String> columns = new ArrayList<>(List.of("source"));
        sites.forEach(s -> columns.add("z → " + s));
        sites.forEach(s -> columns.add("ref → " + s));
        List<List<OrientedSlice>> panels = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            List<OrientedSlice> row = new ArrayList<>();
            row.add(centreChannel(sources, s));
            panels.add(row);
        }
        for (boolean latentGuided : new boolean[] {true, false}) {
            for (int t = 0; t < k; t++) {
                float[] out = translateAll(nets, t, latentGuided);
                for (int s = 0; s < k; s++) {
                    panels.get(s).add(centreChannel(out, s));
                }
            }
        }
        List<MosaicRow> rows = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            rows.add(new MosaicRow("from " + sites.get(s), panels.get(s), ImageKind.INTENSITY, NETWORK_RANGE));
        }
        return new MosaicSpec(columns, rows, PANEL_PIXELS);
    }

    /** Every site's source stack translated to site {@code target}, K x C x P x P. */
    private float[] translateAll(StarGanV2 nets, int target, boolean latentGuided) {
        int k = sites.size();
        int len = channels * patch * patch;
        int[] labels = new int[k];
        Arrays.fill(labels, target);
        try (NDManager m = nets.manager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray y = m.create(labels);
            NDArray style;
            if (latentGuided) {
                float[] zs = new float[k * latent.length];
                for (int i = 0; i < k; i++) {
                    System.arraycopy(latent, 0, zs, i * latent.length, latent.length);
                }
                style = nets.mappingNetworkEma().style(ps, m.create(zs, new Shape(k, latent.length)), y, false);
            } else {
                float[] refs = new float[k * len];
                for (int i = 0; i < k; i++) {
                    System.arraycopy(references, target * len, refs, i * len, len);
                }
                style = nets.styleEncoderEma().style(ps, m.create(refs, new Shape(k, channels, patch, patch)), y, false);
            }
            NDArray x = m.create(sources, new Shape(k, channels, patch, patch));
            return nets.generatorEma().translate(ps, x, style, false).toFloatArray();
        }
    }

    /**
     * The centre channel of stack {@code index}. Patch rows run along the slice plane's height
     * axis upwards in RAS, so they are flipped to put anterior/superior at the top.
     */
    private OrientedSlice centreChannel(float[] stacks, int index) {
        int area = patch * patch;
        int base = (index * channels + channels / 2) * area;
        float[] pixels = new float[area];
        for (int row = 0; row < patch; row++) {
            System.arraycopy(stacks, base + (patch - 1 - row) * patch, pixels, row * patch, patch);
        }
        return new OrientedSlice(patch, patch, pixels);
    }
}
