package org.mrharmony.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.eval.Masks;
import org.mrharmony.eval.SimilarityScores;
import org.mrharmony.harmonize.HarmonizationModel;
import org.mrharmony.harmonize.HarmonizeMethod;
import org.mrharmony.harmonize.HarmonizeOptions;
import org.mrharmony.harmonize.IntensityMap;
import org.mrharmony.harmonize.Harmonizer;
import org.mrharmony.harmonize.ModelInfo;
import org.mrharmony.harmonize.SliceRange;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.volume.CropPad;
import org.mrharmony.volume.IndexBox;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Reorient;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * Validation during training (issue 6): held-out subjects of a {@code synth} cohort, scanned at
 * every site, are harmonized from each site to each other site with the target's mean style of
 * the current EMA networks, and scored (SSIM and MAE inside the brain) against the same
 * subject's real scan at the target site, exactly as {@link org.mrharmony.eval.Evaluation} scores a finished
 * model: the same {@link Harmonizer}, mask and metrics, in process and without files. The GAN is
 * scored with the linear intensity map-back ({@link IntensityMap#STATS}), see {@link #score}; a
 * model trained on standardised inputs also gets the fixed map from its input standard onto the
 * target's landmarks there, and its scans are standardised as harmonizing does (its
 * {@link ModelInfo#inputStandard()}).
 *
 * <p>To stay cheap only a central slab of {@code validate_slices} slices (along the slice axis,
 * centred on the subject's brain) is translated and scored; inside the slab the translation is
 * that of the whole volume (up to float rounding) ({@link Harmonizer#harmonize(Volume, SliceRange,
 * java.util.function.IntConsumer)}). The baselines, no harmonization and Nyúl histogram matching
 * (fitted on the target site's training volumes, stored with the model), do not change during
 * training and are scored once, on the same slabs.
 *
 * <p>Nothing here draws random numbers or touches the trainer, so validating does not change
 * the training run, and the same networks give the same figures.
 */
public final class Validation {

    /** The baselines scored beside {@code gan}, the one method that changes as training goes on. */
    public static final List<HarmonizeMethod> BASELINES = List.of(HarmonizeMethod.NONE, HarmonizeMethod.NYUL);

    /** One held-out scan at one site, on the canonical grid, with the slab scored in it. */
    private record Scan(String subject, String site, Volume canonical, SliceRange slab, IndexBox slabBox) {
    }

    /** The truth a translation to one site is scored against: slab of the subject's scan there, brain mask. */
    private record Truth(Volume slab, boolean[] brain) {
    }

    private final Path modelDir;
    private final List<String> sites;
    private final List<String> subjects;
    /** scans.get(subject).get(site) */
    private final List<List<Scan>> scans;
    /** truths.get(subject).get(site) */
    private final List<List<Truth>> truths;
    private final List<ValidationLog.Row> baselineScores;

    private Validation(Path modelDir, List<String> sites, List<String> subjects, List<List<Scan>> scans,
                       List<List<Truth>> truths, ModelInfo info, StarGanV2 nets) throws IOException {
        this.modelDir = modelDir;
        this.sites = sites;
        this.subjects = subjects;
        this.scans = scans;
        this.truths = truths;
        List<ValidationLog.Row> rows = new ArrayList<>();
        // a model resumed from before baselines were stored has no Nyul fit: score what it has
        boolean fitted = info.sites().stream().allMatch(site -> site.baselines() != null);
        for (HarmonizeMethod method : BASELINES) {
            if (method == HarmonizeMethod.NONE || fitted) {
                rows.addAll(score(0, method, info, nets));
            }
        }
        this.baselineScores = List.copyOf(rows);
    }

    /**
     * Reads the held-out scans and truth masks and scores the baselines; empty when the data are
     * not a cohort with a test split or validation is off.
     *
     * @param info a description of the model being trained (sites, intensity scales, baselines)
     */
    public static Optional<Validation> prepare(TrainConfig cfg, SiteDataset dataset, Path modelDir, ModelInfo info,
                                               StarGanV2 nets) throws IOException {
        if (cfg.validateEvery() <= 0 || !dataset.cohort()) {
            return Optional.empty();
        }
        List<String> sites = dataset.sites();
        List<Path> firstSite = dataset.heldOut().get(sites.get(0));
        if (firstSite.isEmpty()) {
            return Optional.empty();
        }
        int axis = cfg.slicing().axis();
        List<String> subjects = new ArrayList<>();
        List<List<Scan>> scans = new ArrayList<>();
        List<List<Truth>> truths = new ArrayList<>();
        for (Path scan : firstSite.subList(0, Math.min(cfg.validateSubjects(), firstSite.size()))) {
            String subject = scan.getFileName().toString().replaceFirst("\\.nii(\\.gz)?$", "");
            Path labelsFile = dataset.root().resolve("truth").resolve(subject + "_labels.nii.gz");
            if (!Files.isRegularFile(labelsFile)) {
                throw new IOException(labelsFile + ": missing; validation needs the cohort's truth labels");
            }
            Volume labels = canonical(labelsFile);
            SliceRange slab = centralSlab(labels, axis, cfg.validateSlices());
            IndexBox box = slabBox(labels, axis, slab);
            boolean[] brain = Masks.positive(CropPad.crop(labels, box));
            List<Scan> subjectScans = new ArrayList<>();
            List<Truth> subjectTruths = new ArrayList<>();
            for (String site : sites) {
                Volume v = canonical(dataset.root().resolve(site).resolve(subject + ".nii.gz"));
                if (!v.sameGridAs(labels)) {
                    throw new IOException(dataset.root().resolve(site).resolve(subject + ".nii.gz")
                        + ": not on the grid of its truth labels");
                }
                subjectScans.add(new Scan(subject, site, v, slab, box));
                subjectTruths.add(new Truth(CropPad.crop(v, box), brain));
            }
            subjects.add(subject);
            scans.add(subjectScans);
            truths.add(subjectTruths);
        }
        return Optional.of(new Validation(modelDir, sites, subjects, scans, truths, info, nets));
    }

    private static Volume canonical(Path file) throws IOException {
        return Reorient.toCanonical(VolumeIO.read(file).volume()).volume();
    }

    /** {@code count} slices along {@code axis} centred on the middle of the brain's extent. */
    static SliceRange centralSlab(Volume labels, int axis, int count) {
        Optional<IndexBox> brain = Mask.above(labels, 0).boundingBox();
        int length = labels.dim(axis);
        int centre = brain.map(b -> (b.offset()[axis] + b.max(axis)) / 2).orElse(length / 2);
        return SliceRange.centred(centre, count, length);
    }

    private static IndexBox slabBox(Volume v, int axis, SliceRange slab) {
        int[] offset = new int[3];
        int[] dims = v.dims().clone();
        offset[axis] = slab.first();
        dims[axis] = slab.count();
        return new IndexBox(offset, dims);
    }

    public List<String> subjects() {
        return subjects;
    }

    /**
     * The rows of one validation: {@code gan} with the networks as they are now, beside the
     * baselines, one row per method and target site, each the mean over subjects and source sites.
     *
     * @param info the model's description now (with the current mean styles)
     */
    public List<ValidationLog.Row> run(long step, ModelInfo info, StarGanV2 nets) throws IOException {
        List<ValidationLog.Row> rows = new ArrayList<>(score(step, HarmonizeMethod.GAN, info, nets));
        for (ValidationLog.Row b : baselineScores) {
            rows.add(new ValidationLog.Row(step, b.method(), b.target(), b.ssim(), b.mae()));
        }
        return rows;
    }

    private List<ValidationLog.Row> score(long step, HarmonizeMethod method, ModelInfo info, StarGanV2 nets)
            throws IOException {
        List<ValidationLog.Row> rows = new ArrayList<>();
        for (int t = 0; t < sites.size(); t++) {
            String target = sites.get(t);
            double ssim = 0;
            double mae = 0;
            int n = 0;
            // The linear map-back, not the default landmark map: the landmark map matches the
            // percentiles of what it is given, and a slab's are not the whole volume's, so with it
            // the slab would no longer be scored as the whole volume's translation. The curve shows
            // the networks' progress; the landmark map is a fixed step after them.
            HarmonizeOptions options = HarmonizeOptions.defaults(target).withMethod(method)
                .withIntensityMap(IntensityMap.STATS);
            try (Harmonizer h = Harmonizer.open(HarmonizationModel.inMemory(modelDir, info, nets), options)) {
                for (int s = 0; s < subjects.size(); s++) {
                    Truth truth = truths.get(s).get(t);
                    for (Scan scan : scans.get(s)) {
                        if (scan.site().equals(target)) {
                            continue;
                        }
                        Volume out = h.harmonize(scan.canonical(), scan.slab(), done -> { });
                        SimilarityScores score = SimilarityScores.compare(CropPad.crop(out, scan.slabBox()),
                            truth.slab(), truth.brain(), null);
                        ssim += score.ssim();
                        mae += score.mae();
                        n++;
                    }
                }
            }
            rows.add(new ValidationLog.Row(step, method.id(), target, ssim / n, mae / n));
        }
        return rows;
    }
}
