package org.mrharmony.harmonize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.mrharmony.data.IntensityNormalization;
import org.mrharmony.eval.IntensityNormalizer;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.volume.Grid;
import org.mrharmony.volume.Reorient;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * Harmonizes volumes into one target site's style (METHOD.md, "Harmonizing a volume"): reorient
 * to canonical, head mask, the volume's own intensity statistics into the network range, every
 * 2.5D stack translated by G_ema with one style code, re-stacked, mapped to the target site's
 * intensity scale with the background exactly 0, and the reorientation undone. With a baseline
 * method the fitted intensity map replaces the networks.
 *
 * <p>The style code is computed once, when the harmonizer is opened, and used for every volume.
 * Results depend only on the model, the options and the input: the same call gives the same bits.
 */
public final class Harmonizer implements AutoCloseable {

    private final HarmonizationModel model;
    private final HarmonizeOptions options;
    private final SiteInfo target;
    private final float[] style;
    private final StackTranslator translator;
    private final IntensityNormalizer baseline;

    private Harmonizer(HarmonizationModel model, HarmonizeOptions options, SiteInfo target, float[] style,
                       IntensityNormalizer baseline) {
        this.model = model;
        this.options = options;
        this.target = target;
        this.style = style;
        this.baseline = baseline;
        // a baseline never translates, even when the model has its networks (an in-memory model)
        this.translator = baseline == null
            ? new StackTranslator(model.networks().generatorEma(), model.networks().manager(), options.batch())
            : null;
    }

    /**
     * Opens the model, finds the target site and computes the style code (reading the reference
     * volume if there is one). Fails before any input is read on a bad model, an unknown site, a
     * site without what the method needs, or a bad reference volume.
     */
    public static Harmonizer open(Path modelDir, HarmonizeOptions options) throws IOException {
        boolean gan = options.method() == HarmonizeMethod.GAN;
        return open(HarmonizationModel.open(modelDir, options.device(), gan), options);
    }

    /**
     * A harmonizer on an opened model (e.g. {@link HarmonizationModel#inMemory}), which it
     * closes when it is closed or fails to open.
     */
    public static Harmonizer open(HarmonizationModel model, HarmonizeOptions options) throws IOException {
        boolean gan = options.method() == HarmonizeMethod.GAN;
        try {
            SiteInfo target = model.site(options.target());
            if (!gan) {
                IntensityNormalizer baseline = BaselineNormalizers.forSite(options.method(), target,
                    model.dir().resolve(ModelDirectory.INFO_FILE));
                return new Harmonizer(model, options, target, null, baseline);
            }
            return new Harmonizer(model, options, target, styleCode(model, target, options), null);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static float[] styleCode(HarmonizationModel model, SiteInfo target, HarmonizeOptions options)
            throws IOException {
        StarGanV2 nets = model.networks();
        StyleSource source = options.style();
        if (source instanceof StyleSource.Latent latent) {
            return StyleCodes.latent(nets, target.index(), latent.seed());
        }
        if (source instanceof StyleSource.Reference reference) {
            Path file = reference.file();
            InputCheck.check(file, null);
            PreparedInput ref;
            try {
                ref = PreparedInput.of(VolumeIO.read(file).volume(), model.info().clipPercentile());
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": unusable as a reference: " + e.getMessage(), e);
            }
            return StyleCodes.reference(nets, target.index(), ref, model.info().sliceAxis(), options.batch());
        }
        return StyleCodes.mean(model, target);
    }

    /** Slices (= stacks translated) of a volume on this grid, for progress reporting. */
    public int sliceCount(Grid grid) {
        return Reorient.canonicalTransform(grid).outputDims()[model.info().sliceAxis()];
    }

    /**
     * The harmonized volume, on the input's grid and in the target site's intensities.
     *
     * @param slicesDone told how many slices each finished batch translated (GAN only)
     * @throws IllegalArgumentException for a volume without a usable head (no head found, constant)
     */
    public Volume harmonize(Volume input, IntConsumer slicesDone) {
        return harmonize(input, null, slicesDone);
    }

    /**
     * As {@link #harmonize(Volume, IntConsumer)}, but the GAN translates only the slices of
     * {@code slab} (null: all; slices of the canonical grid); outside it the head holds the
     * background value mapped to the target scale, not a translation. Inside the slab the result
     * is that of the whole volume (up to float rounding: the forward passes hold fewer stacks). The baselines ignore the slab.
     */
    public Volume harmonize(Volume input, SliceRange slab, IntConsumer slicesDone) {
        PreparedInput in = PreparedInput.of(input, model.info().clipPercentile());
        Volume canonicalOut;
        if (translator != null) {
            Volume translated = translator.translate(in.network(), in.head(), model.info().sliceAxis(), model.info().channels(),
                style, options.restack(), slab, slicesDone);
            canonicalOut = IntensityNormalization.fromNetwork(translated, in.head(), target.intensity());
        } else {
            canonicalOut = baseline.apply(in.canonical().volume(), in.head().toArray());
            slicesDone.accept(sliceCount(input.grid()));
        }
        return Reorient.undo(canonicalOut, in.canonical().transform());
    }

    public HarmonizationModel model() {
        return model;
    }

    public HarmonizeOptions options() {
        return options;
    }

    public SiteInfo target() {
        return target;
    }

    /** The style code every volume is translated with; null for a baseline method. */
    public float[] styleCode() {
        return style == null ? null : style.clone();
    }

    @Override
    public void close() {
        model.close();
    }
}
