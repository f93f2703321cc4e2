package org.mrharmony.eval;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mrharmony.data.InputStandard;
import org.mrharmony.data.PreparedVolume;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.data.SlicingConfig;
import org.mrharmony.data.TrainingSet;
import org.mrharmony.data.VolumePreparer;
import org.mrharmony.harmonize.HarmonizeMethod;
import org.mrharmony.harmonize.HarmonizeOptions;
import org.mrharmony.harmonize.Harmonizer;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.Grid;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * The whole evaluation of harmonization on a travelling-subject ({@code synth}) cohort: every
 * held-out subject, scanned at every site other than the target, harmonized to the target by
 * each method, then
 *
 * <ul>
 *   <li><b>similarity</b>: SSIM, PSNR, MAE to the same subject's real target-site scan, inside
 *       the brain (truth labels &gt; 0; {@link SimilarityScores});</li>
 *   <li><b>site classifier</b>: a CNN ({@link SiteClassifier}) trained on the unharmonized
 *       training scans of every site; {@code site_accuracy} is the fraction of harmonized scans
 *       still classified as their original site (falls as harmonization works),
 *       {@code target_rate} the fraction classified as the target;</li>
 *   <li><b>site-FID</b>: Fréchet distance between the classifier's penultimate features of the
 *       harmonized scans' stacks and of the real target-site test scans' stacks;</li>
 *   <li><b>W1</b>: 1-Wasserstein distance between each source site's brain intensities (pooled
 *       over the test subjects, after the method) and the real target-site scans';</li>
 *   <li><b>anatomy kept</b>: {@link TissueSegmenter} labels of the source scan and of its
 *       harmonized version; GM/WM Dice between them ({@code gm_dice}, {@code wm_dice}) and
 *       against the truth labels ({@code *_truth}); {@code thickness_mae_mm} is the mean over
 *       scans of |mean cortical thickness (harmonized) − mean cortical thickness (source)|,
 *       both by {@link CorticalThickness} on the segmentations;</li>
 *   <li><b>tissue volumes</b>: CSF/GM/WM volumes of the harmonized scan's segmentation
 *       ({@link TissueVolumes}); {@code volume_error_pct} compares them with the segmentation of
 *       the real target-site scan (same subject, same pipeline), {@code volume_change_pct} with
 *       the source scan's;</li>
 *   <li><b>regional thickness</b> (with an {@link Atlas}): mean cortical thickness per region
 *       ({@link RegionThickness}) of the harmonized scan against the real target-site scan's;</li>
 *   <li><b>coherence</b>: {@link ThroughPlaneCoherence} of the harmonized scan relative to the
 *       real target-site scan along the model's slicing axis (1 = as coherent as a real scan).</li>
 * </ul>
 *
 * Method {@code none} is the input itself, so its row is the "before" of every measure. Further
 * GAN models ({@link ComparedModel}, e.g. one trained without the temporal coherence loss) are
 * evaluated as methods {@code gan_<name>} with the same target and mean style.
 */
public final class Evaluation {

    /** At most this many brain voxels per site and method are kept for histograms. */
    private static final int HISTOGRAM_SAMPLES = 200_000;

    /**
     * @param target      the site everything is harmonized to
     * @param methods     the methods, in report order
     * @param maxSubjects use at most this many test subjects (0: all)
     * @param classifier  the site classifier's settings
     * @param device      where the GAN and the classifier run
     * @param progress    progress bars on stderr
     * @param compare     further GAN models, evaluated as methods {@code gan_<name>} after {@code methods}
     * @param atlas       a label atlas for regional thickness, or null
     */
    public record Settings(String target, List<HarmonizeMethod> methods, int maxSubjects,
                           SiteClassifier.Settings classifier, Device device, boolean progress,
                           List<ComparedModel> compare, Path atlas) {

        public Settings {
            methods = List.copyOf(methods);
            compare = List.copyOf(compare);
            if (methods.isEmpty() && compare.isEmpty()) {
                throw new IllegalArgumentException("no methods to evaluate");
            }
            if (maxSubjects < 0) {
                throw new IllegalArgumentException("--subjects must be >= 0, got " + maxSubjects);
            }
            if (compare.stream().map(ComparedModel::name).distinct().count() != compare.size()) {
                throw new IllegalArgumentException("--compare-model: the same NAME twice");
            }
        }

        /** No compared models, no atlas. */
        public Settings(String target, List<HarmonizeMethod> methods, int maxSubjects,
                        SiteClassifier.Settings classifier, Device device, boolean progress) {
            this(target, methods, maxSubjects, classifier, device, progress, List.of(), null);
        }
    }

    /** One method as evaluated: its id in the results, how it harmonizes, with which model. */
    private record Evaluated(String id, HarmonizeMethod method, Path model) {
    }

    private final Path cohort;
    private final Path modelDir;
    private final Settings settings;
    private final TissueSegmenter segmenter = new TissueSegmenter();
    private final CorticalThickness thickness = new CorticalThickness();
    private final Map<String, Anatomy> sourceAnatomy = new HashMap<>();
    private final Map<String, Anatomy> truthScanAnatomy = new HashMap<>();
    private final Map<String, Double> truthThickness = new HashMap<>();
    private Atlas atlas;
    private Grid atlasGrid;
    private int[] atlasRegions;

    /** A segmentation, the mask it was made in, its thickness, tissue volumes and regional thickness. */
    private record Anatomy(Volume labels, boolean[] mask, ThicknessMap thickness, TissueVolumes volumes,
                           Map<Integer, Double> regionThickness) {

        double thicknessMm() {
            return thickness.meanMm();
        }
    }

    private Evaluation(Path cohort, Path modelDir, Settings settings) {
        this.cohort = cohort;
        this.modelDir = modelDir;
        this.settings = settings;
    }

    public static EvaluationResult run(Path cohort, Path modelDir, Settings settings) throws IOException {
        return new Evaluation(cohort, modelDir, settings).run();
    }

    private EvaluationResult run() throws IOException {
        SiteDataset dataset = SiteDataset.open(cohort);
        if (!dataset.cohort()) {
            throw new IOException(cohort + ": not a travelling-subject cohort (no cohort.json); evaluate needs "
                + "every test subject scanned at every site");
        }
        String target = settings.target();
        List<String> sites = dataset.sites();
        if (!sites.contains(target)) {
            throw new IOException(cohort + ": no site '" + target + "'; sites: " + String.join(", ", sites));
        }
        List<String> subjects = testSubjects(dataset);
        List<String> sources = sites.stream().filter(s -> !s.equals(target)).toList();
        int axis;
        try (Harmonizer h = Harmonizer.open(modelDir, HarmonizeOptions.defaults(target)
            .withMethod(HarmonizeMethod.NONE))) {
            axis = h.model().info().sliceAxis();
        }
        List<Evaluated> evaluated = new ArrayList<>();
        settings.methods().forEach(m -> evaluated.add(new Evaluated(m.id(), m, modelDir)));
        List<EvaluationResult.GanModel> ganModels = new ArrayList<>();
        if (settings.methods().contains(HarmonizeMethod.GAN)) {
            ganModels.add(GanModels.describe("gan", modelDir));
        }
        List<String> modelSites = ModelDirectory.readInfo(modelDir).siteNames();
        for (ComparedModel c : settings.compare()) {
            GanModels.checkComparable(c.dir(), modelDir, modelSites);
            evaluated.add(new Evaluated(c.method(), HarmonizeMethod.GAN, c.dir()));
            ganModels.add(GanModels.describe(c.method(), c.dir()));
        }
        if (settings.atlas() != null) {
            atlas = Atlas.read(settings.atlas());
        }

        SlicingConfig slicing = settings.classifier().slicing();
        // the classifier judges scans and outputs on their own intensities, never on a model's input standard
        TrainingSet classifierData = TrainingSet.load(dataset, slicing, InputStandard.NONE, false);
        try (SiteClassifier classifier = SiteClassifier.train(classifierData,
            settings.classifier(), settings.device(), settings.progress())) {
            // the classifier on the unharmonized test scans of every site, and the real target features
            long[][] before = new long[sites.size()][sites.size()];
            List<double[]> targetFeatures = new ArrayList<>();
            for (String subject : subjects) {
                for (String site : sites) {
                    SiteClassifier.Prediction p = classifier.predict(prepare(read(site, subject), site, sites));
                    before[sites.indexOf(site)][p.site()]++;
                    if (site.equals(target)) {
                        targetFeatures.addAll(List.of(p.features()));
                    }
                }
            }
            EvaluationResult.ClassifierCheck check = new EvaluationResult.ClassifierCheck(
                settings.classifier().architecture().id(), settings.classifier().steps(), slicing.patch(),
                classifier.finalLoss(), classifier.lossCurve(10), accuracy(before), before);

            List<EvaluationRow> rows = new ArrayList<>();
            List<MethodMetrics> metrics = new ArrayList<>();
            Map<String, Map<String, float[]>> intensities = new LinkedHashMap<>();
            Map<String, Volume> exampleOut = new LinkedHashMap<>();
            String exampleSubject = subjects.get(0);
            String exampleSource = sources.get(sources.size() - 1);
            int total = evaluated.size() * subjects.size() * sources.size();
            try (ProgressBar bar = settings.progress() ? new ProgressBarBuilder().setTaskName("Evaluating")
                .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build() : null) {
                for (Evaluated method : evaluated) {
                    List<EvaluationRow> methodRows = new ArrayList<>();
                    List<double[]> features = new ArrayList<>();
                    Map<String, List<float[]>> brainBySite = new LinkedHashMap<>();
                    Map<String, List<float[]>> truthBrain = new LinkedHashMap<>();
                    try (Harmonizer h = Harmonizer.open(method.model(), options(method.method()))) {
                        for (String subject : subjects) {
                            Volume truth = read(target, subject);
                            Volume labels = VolumeIO.read(labelsFile(subject)).volume();
                            boolean[] brain = Masks.positive(labels);
                            truthBrain.computeIfAbsent(target, k -> new ArrayList<>()).add(brainValues(truth, brain));
                            for (String source : sources) {
                                Volume input = read(source, subject);
                                Volume out = h.harmonize(input, done -> { });
                                SiteClassifier.Prediction p = classifier.predict(prepare(out, source, sites));
                                features.addAll(List.of(p.features()));
                                brainBySite.computeIfAbsent(source, k -> new ArrayList<>()).add(brainValues(out, brain));
                                methodRows.add(score(method.id(), subject, source, input, out, truth, labels, brain,
                                    axis, sites.get(p.site())));
                                if (subject.equals(exampleSubject) && source.equals(exampleSource)) {
                                    exampleOut.put(method.id(), out);
                                }
                                if (bar != null) {
                                    bar.step();
                                }
                            }
                        }
                    }
                    float[] targetValues = concat(truthBrain.get(target));
                    Map<String, Double> w1 = new LinkedHashMap<>();
                    Map<String, float[]> hist = new LinkedHashMap<>();
                    for (String source : sources) {
                        float[] values = concat(brainBySite.get(source));
                        w1.put(source, Wasserstein.w1(toDoubles(values), toDoubles(targetValues)));
                        hist.put(source, subsample(values));
                    }
                    hist.put(target, subsample(targetValues));
                    intensities.put(method.id(), hist);
                    double fid = FrechetDistance.between(features.toArray(double[][]::new),
                        targetFeatures.toArray(double[][]::new));
                    metrics.add(MethodMetrics.of(method.id(), methodRows, sites, target, fid, w1));
                    rows.addAll(methodRows);
                }
            }
            EvaluationResult.Example example = new EvaluationResult.Example(exampleSubject, exampleSource,
                read(exampleSource, exampleSubject), read(target, exampleSubject),
                VolumeIO.read(labelsFile(exampleSubject)).volume(), exampleOut);
            Map<Integer, String> regionNames = new TreeMap<>();
            if (atlas != null) {
                metrics.forEach(m -> m.regionThicknessMaeMm().keySet().forEach(r -> regionNames.put(r, atlas.name(r))));
            }
            return new EvaluationResult(target, sites, rows, metrics, check, intensities, example, ganModels,
                regionNames);
        }
    }

    private EvaluationRow score(String method, String subject, String source, Volume input, Volume out, Volume truth,
                                Volume labels, boolean[] brain, int axis, String predicted) {
        SimilarityScores s = SimilarityScores.compare(out, truth, brain, null);
        Anatomy before = sourceAnatomy.computeIfAbsent(subject + "/" + source,
            k -> anatomy(input, tissueMask(input, brain)));
        Anatomy after = anatomy(out, before.mask());
        Anatomy truthScan = truthScanAnatomy.computeIfAbsent(subject, k -> anatomy(truth, tissueMask(truth, brain)));
        double truthMm = truthThickness.computeIfAbsent(subject, k -> thickness.measure(labels).meanMm());
        TissueVolumes v = after.volumes();
        return new EvaluationRow(method, subject, source, s.ssim(), s.psnr(), s.mae(),
            Dice.of(after.labels(), before.labels(), TissueLabel.GM),
            Dice.of(after.labels(), before.labels(), TissueLabel.WM),
            Dice.of(after.labels(), before.labels(), TissueLabel.CSF),
            Dice.of(after.labels(), labels, TissueLabel.GM),
            Dice.of(after.labels(), labels, TissueLabel.WM),
            after.thicknessMm(), before.thicknessMm(), truthMm,
            ThroughPlaneCoherence.relative(out, truth, brain, axis), predicted,
            v.gmMl(), v.wmMl(), v.csfMl(), v.meanAbsRelativeDifferencePct(truthScan.volumes()),
            v.meanAbsRelativeDifferencePct(before.volumes()),
            atlas == null ? Double.NaN
                : RegionThickness.meanAbsoluteDifference(after.regionThickness(), truthScan.regionThickness()),
            after.regionThickness(), truthScan.regionThickness());
    }

    private HarmonizeOptions options(HarmonizeMethod method) {
        HarmonizeOptions d = HarmonizeOptions.defaults(settings.target()).withMethod(method);
        return new HarmonizeOptions(d.target(), method, d.style(), d.restack(), d.batch(), settings.device());
    }

    private Anatomy anatomy(Volume t1, boolean[] mask) {
        Volume labels = segmenter.segment(t1, mask).labels();
        ThicknessMap map = thickness.measure(labels);
        Map<Integer, Double> regions = atlas == null ? Map.of()
            : RegionThickness.means(map, regionsOn(labels.grid()), RegionThickness.MIN_VOXELS);
        return new Anatomy(labels, mask, map, TissueVolumes.of(labels), regions);
    }

    /** The atlas on a scan's grid; a cohort's scans share one grid, so it is resampled once. */
    private int[] regionsOn(Grid grid) {
        if (!grid.equals(atlasGrid)) {
            atlasRegions = atlas.regionsOn(grid);
            atlasGrid = grid;
        }
        return atlasRegions;
    }

    /**
     * The brain voxels inside the source scan's head mask. Every method (none included) sets the
     * voxels outside that mask to 0; left in, those zeros would sit among the brain's intensities
     * after any shift of the scale and pull the tissue classes apart for reasons that have
     * nothing to do with the anatomy.
     */
    private static boolean[] tissueMask(Volume source, boolean[] brain) {
        Mask head = ForegroundMask.compute(source);
        boolean[] mask = new boolean[brain.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = brain[i] && head.get(i);
        }
        return mask;
    }

    private List<String> testSubjects(SiteDataset dataset) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path p : dataset.heldOut().get(dataset.sites().get(0))) {
            ids.add(p.getFileName().toString().replace(".nii.gz", ""));
        }
        if (ids.isEmpty()) {
            throw new IOException(cohort + ": the cohort has no test subjects");
        }
        return settings.maxSubjects() > 0 && ids.size() > settings.maxSubjects()
            ? List.copyOf(ids.subList(0, settings.maxSubjects())) : ids;
    }

    private Volume read(String site, String subject) throws IOException {
        return VolumeIO.read(cohort.resolve(site).resolve(subject + ".nii.gz")).volume();
    }

    /** The cohort's layout (synth.CohortManifest): truth/<subject>_labels.nii.gz, 0 bg, 1 CSF, 2 GM, 3 WM. */
    private Path labelsFile(String subject) {
        return cohort.resolve("truth").resolve(subject + "_labels.nii.gz");
    }

    /** The classifier's view of a volume: the training preprocessing (synth cohorts are stored on a RAS grid). */
    private PreparedVolume prepare(Volume v, String site, List<String> sites) throws IOException {
        return VolumePreparer.prepare(v, cohort.resolve(site), site, sites.indexOf(site),
            settings.classifier().slicing(), InputStandard.NONE);
    }

    private static double accuracy(long[][] confusion) {
        long right = 0;
        long all = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                all += confusion[i][j];
                right += i == j ? confusion[i][j] : 0;
            }
        }
        return (double) right / all;
    }

    private static float[] brainValues(Volume v, boolean[] brain) {
        float[] out = new float[Masks.count(brain)];
        float[] d = v.data();
        for (int i = 0, k = 0; i < d.length; i++) {
            if (brain[i]) {
                out[k++] = d[i];
            }
        }
        return out;
    }

    private static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** Every k-th value, so a histogram of a large cohort stays small in memory. */
    private static float[] subsample(float[] v) {
        int step = Math.max(1, (v.length + HISTOGRAM_SAMPLES - 1) / HISTOGRAM_SAMPLES);
        float[] out = new float[(v.length + step - 1) / step];
        for (int i = 0, k = 0; i < v.length; i += step) {
            out[k++] = v[i];
        }
        return out;
    }
}
