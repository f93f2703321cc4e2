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
 * to canonical, head mask, onto the model's input standard if it was trained with one
 * ({@link HarmonizationModel#prepare}), the volume's own intensity statistics into the network range, every
 * 2.5D stack translated by G_ema with one style code, re-stacked, mapped to the target site's
 * intensity scale with the background exactly 0 ({@link IntensityMap}: the site's average
 * statistics, for a standardised model followed by the fixed map from the standard onto the
 * site's landmarks ({@link SiteFromStandard}), by default followed by the output's own landmark
 * map onto the site's), and the reorientation undone. With a
 * baseline method the fitted intensity map replaces the networks.
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
    /** The target's landmark map applied after the GAN (null: {@link IntensityMap#STATS}). */
    private final IntensityNormalizer landmarks;
    /** From the model's input standard onto the target's scale, after the linear map back (null: no standard). */
    private final SiteFromStandard fromStandard;

    private Harmonizer(HarmonizationModel model, HarmonizeOptions options, SiteInfo target, float[] style,
                       IntensityNormalizer baseline, IntensityNormalizer landmarks, SiteFromStandard fromStandard) {
        this.model = model;
        this.options = options;
        this.target = target;
        this.style = style;
        this.baseline = baseline;
        this.landmarks = landmarks;
        this.fromStandard = fromStandard;
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
                return new Harmonizer(model, options, target, null, baseline, null, null);
            }
            return new Harmonizer(model, options, target, styleCode(model, target, options), null,
                landmarksOf(model, target, options.intensityMap()), fromStandardOf(model, target));
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static IntensityNormalizer landmarksOf(HarmonizationModel model, SiteInfo target, IntensityMap map) {
        if (map == IntensityMap.STATS) {
            return null;
        }
        if (target.baselines() == null || target.baselines().nyul() == null) {
            throw new IllegalArgumentException(model.dir().resolve(ModelDirectory.INFO_FILE) + ": site '" + target.name()
                + "' has no fitted Nyul landmarks (model written without them); use --intensity-map stats");
        }
        return target.baselines().nyul().toNormalizer();
    }

    private static SiteFromStandard fromStandardOf(HarmonizationModel model, SiteInfo target) {
        SiteBaselines.NyulFit standard = model.info().inputStandard();
        if (standard == null) {
            return null;
        }
        Path file = model.dir().resolve(ModelDirectory.INFO_FILE);
        if (target.baselines() == null || target.baselines().nyul() == null) {
            throw new IllegalArgumentException(file + ": site '" + target.name() + "' has no fitted Nyul landmarks, "
                + "which a model trained on standardised inputs needs to map its outputs back");
        }
        try {
            return SiteFromStandard.of(standard, target.baselines().nyul());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
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
                ref = model.prepare(VolumeIO.read(file).volume());
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
     * background value mapped to the target scale, not a translation. With {@link IntensityMap#STATS}
     * the result inside the slab is that of the whole volume (up to float rounding: the forward
     * passes hold fewer stacks); {@link IntensityMap#LANDMARKS} matches the slab's own percentiles,
     * so it is close to it. The baselines ignore the slab.
     */
    public Volume harmonize(Volume input, SliceRange slab, IntConsumer slicesDone) {
        PreparedInput in = model.prepare(input);
        Volume canonicalOut;
        if (translator != null) {
            Volume translated = translator.translate(in.network(), in.head(), model.info().sliceAxis(), model.info().channels(),
                style, options.restack(), slab, slicesDone);
            canonicalOut = IntensityNormalization.fromNetwork(translated, in.head(), target.intensity());
            if (fromStandard != null) {
                canonicalOut = fromStandard.apply(canonicalOut, in.head());
            }
            if (landmarks != null) {
                canonicalOut = landmarks.apply(canonicalOut, landmarkMask(in, slab));
            }
        } else {
            canonicalOut = baseline.apply(in.canonical().volume(), in.head().toArray());
            slicesDone.accept(sliceCount(input.grid()));
        }
        return Reorient.undo(canonicalOut, in.canonical().transform());
    }

    /**
     * The voxels whose percentiles the landmark map matches: the head, and of a slab only its
     * translated slices (the rest of the head holds one constant, which would skew them).
     */
    private boolean[] landmarkMask(PreparedInput in, SliceRange slab) {
        boolean[] mask = in.head().toArray();
        if (slab == null) {
            return mask;
        }
        Volume v = in.network();
        int axis = model.info().sliceAxis();
        for (int z = 0; z < v.nz(); z++) {
            for (int y = 0; y < v.ny(); y++) {
                for (int x = 0; x < v.nx(); x++) {
                    int s = axis == 0 ? x : axis == 1 ? y : z;
                    if (s < slab.first() || s > slab.last()) {
                        mask[v.index(x, y, z)] = false;
                    }
                }
            }
        }
        return mask;
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
