package org.mrharmony.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.eval.PairedEvaluation;
import org.mrharmony.harmonize.HarmonizeMethod;
import org.mrharmony.harmonize.HarmonizeOptions;
import org.mrharmony.harmonize.Harmonizer;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.report.Better;
import org.mrharmony.report.ChartFiles;
import org.mrharmony.report.CurveChart;
import org.mrharmony.report.CurveChartSpec;
import org.mrharmony.report.HtmlReportWriter;
import org.mrharmony.report.ImageKind;
import org.mrharmony.report.Metric;
import org.mrharmony.report.MetricValue;
import org.mrharmony.report.MetricsTable;
import org.mrharmony.report.MosaicRow;
import org.mrharmony.report.MosaicSpec;
import org.mrharmony.report.RasVolume;
import org.mrharmony.report.ReportContent;
import org.mrharmony.report.Series;
import org.mrharmony.report.SliceMosaic;
import org.mrharmony.report.ViewerVolume;
import org.mrharmony.train.TrainConfig;
import org.mrharmony.train.TrainingRun;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mrharmony demo}: the whole story on built-in defaults — a travelling-subject cohort,
 * a model trained within a time budget, every test scan harmonized to one site by the GAN and
 * the baselines, scored against the truth, and a report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Run the whole pipeline end to end: synth cohort -> train -> harmonize -> evaluate -> report.",
        "Uses the Colin27 T1 from Debian's mricron-data when installed, else the built-in phantom."})
public final class DemoCommand implements Callable<Integer> {

    static final Path COLIN = Path.of("/usr/share/mricron/templates/ch2.nii.gz");
    static final Path COLIN_BRAIN = Path.of("/usr/share/mricron/templates/ch2bet.nii.gz");

    @Option(names = "--out", defaultValue = "demo-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--minutes", defaultValue = "10", description = "Training time budget (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--preset", defaultValue = NetworkPresets.DEFAULT,
        description = "Network preset: cpu (default: 32 px, widths 16-64, batch 4, the configuration measured fastest "
            + "on CPU), tiny, paper.")
    String preset;

    @Option(names = "--subjects", defaultValue = "8", description = "Cohort subjects (default: ${DEFAULT-VALUE}).")
    int subjects;

    @Option(names = "--size", defaultValue = "128", description = "Cohort grid size (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--target", defaultValue = "siteA", description = "Target site (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--phantom", description = "Use the built-in phantom even when Colin27 is installed.")
    boolean phantom;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(out);
        Path cohort = out.resolve("cohort");
        Path model = out.resolve("model");
        Path report = out.resolve("report");

        boolean colin = !phantom && Files.isRegularFile(COLIN);
        stage("1/4 cohort: " + subjects + " subjects x 4 sites at " + size + "^3 on "
            + (colin ? "the Colin27 T1 (" + COLIN + ")" : "the built-in phantom (Colin27 not installed)"));
        if (!Files.isRegularFile(cohort.resolve(SiteDataset.COHORT_FILE))) {
            List<String> args = new ArrayList<>(List.of("--out", cohort.toString(), "--subjects", "" + subjects,
                "--size", "" + size, "--seed", "1"));
            if (colin) {
                args.addAll(List.of("--template", COLIN.toString()));
                if (Files.isRegularFile(COLIN_BRAIN)) {
                    args.addAll(List.of("--template-mask", COLIN_BRAIN.toString()));
                }
            }
            CommandLine synth = new CommandLine(new SynthCommand());
            synth.setExecutionExceptionHandler(new CliErrors());
            if (synth.execute(args.toArray(String[]::new)) != 0) {
                throw new UserError("cohort generation failed");
            }
        } else {
            System.err.println("   reusing " + cohort);
        }

        SiteDataset dataset = SiteDataset.open(cohort);
        dataset.siteIndex(target);
        TrainConfig cfg = trainConfig(dataset.sites().size());
        stage(String.format(Locale.ROOT, "2/4 training %s networks for %.1f min (batch %d, %d px stacks)", preset,
            minutes, cfg.batch(), cfg.network().imgSize()));
        boolean resume = ModelDirectory.exists(model);
        TrainingRun.Result trained = TrainingRun.run(resume ? TrainingRun.readConfig(model) : cfg, dataset, model,
            resume, Duration.ofMillis((long) (minutes * 60_000)), !quiet);
        System.err.printf(Locale.ROOT, "   reached step %d in %.1f min%n", trained.step(), trained.seconds() / 60);

        stage("3/4 harmonizing the test subjects to " + target + " with none, zscore, whitestripe, nyul and the GAN");
        List<HarmonizeMethod> methods = List.of(HarmonizeMethod.NONE, HarmonizeMethod.ZSCORE,
            HarmonizeMethod.WHITESTRIPE, HarmonizeMethod.NYUL, HarmonizeMethod.GAN);
        List<PairedEvaluation.Row> rows = PairedEvaluation.run(cohort, model, target, methods, !quiet);
        List<PairedEvaluation.Summary> summary = PairedEvaluation.summarize(rows);

        stage("4/4 report");
        Files.createDirectories(report);
        writeMetricsJson(report.resolve("metrics.json"), summary, trained, colin);
        Path reportFile = writeReport(report, cohort, model, summary, trained, colin, rows);
        printTable(summary);
        System.out.printf(Locale.ROOT, "%ntrained %d steps (%.1f min); whole demo %.1f min%n", trained.step(),
            trained.seconds() / 60, (System.nanoTime() - started) / 60e9);
        System.out.println("metrics: " + report.resolve("metrics.json"));
        System.out.println("report:  " + reportFile);
        return 0;
    }

    private TrainConfig trainConfig(int sites) {
        TrainConfig d = TrainConfig.defaults(preset, NetworkPresets.named(preset, sites));
        ObjectNode tree = ModelDirectory.JSON.valueToTree(d);
        tree.put("steps", 1_000_000);
        tree.put("seed", 1);
        tree.put("checkpoint_every", 500);
        tree.put("log_every", 10);
        // a short demo still gets a validation curve (validation.png) and a few sample grids; one
        // subject and 8 slices, as a full validation (2 subjects, 16 slices, 4 sites: 24 slab
        // translations) took ~200 s on a busy 2-core machine, too much of a 10-minute budget
        tree.put("validate_every", 250);
        tree.put("validate_subjects", 1);
        tree.put("validate_slices", 8);
        tree.put("sample_every", 250);
        try {
            return ModelDirectory.JSON.treeToValue(tree, TrainConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stage(String text) {
        System.err.println("== " + text);
    }

    private static void printTable(List<PairedEvaluation.Summary> summary) {
        System.out.println();
        System.out.println("method        SSIM (brain)        PSNR dB            MAE              n");
        for (PairedEvaluation.Summary s : summary) {
            System.out.printf(Locale.ROOT, "%-12s  %.4f ± %.4f    %6.2f ± %5.2f    %7.2f ± %6.2f   %d%n", s.method(),
                s.ssim(), s.ssimSd(), s.psnr(), s.psnrSd(), s.mae(), s.maeSd(), s.n());
        }
    }

    private void writeMetricsJson(Path file, List<PairedEvaluation.Summary> summary, TrainingRun.Result trained,
                                  boolean colin) throws IOException {
        ObjectNode root = ModelDirectory.JSON.createObjectNode();
        for (PairedEvaluation.Summary s : summary) {
            ObjectNode m = root.putObject(s.method());
            m.put("ssim", s.ssim());
            m.put("psnr", s.psnr());
            m.put("mae", s.mae());
            m.put("ssim_sd", s.ssimSd());
            m.put("psnr_sd", s.psnrSd());
            m.put("mae_sd", s.maeSd());
            m.put("n", s.n());
        }
        ObjectNode meta = root.putObject("_run");
        meta.put("target", target);
        meta.put("anatomy", colin ? "colin27" : "phantom");
        meta.put("trained_steps", trained.step());
        meta.put("training_minutes", trained.seconds() / 60);
        meta.put("preset", preset);
        Path tmp = Files.createTempFile(file.getParent(), ".metrics", ".tmp");
        try {
            ModelDirectory.JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path writeReport(Path report, Path cohort, Path model, List<PairedEvaluation.Summary> summary,
                             TrainingRun.Result trained, boolean colin, List<PairedEvaluation.Row> rows)
            throws IOException {
        List<String> methodIds = summary.stream().map(PairedEvaluation.Summary::method).toList();
        Map<String, MetricValue> ssim = new LinkedHashMap<>();
        Map<String, MetricValue> psnr = new LinkedHashMap<>();
        Map<String, MetricValue> mae = new LinkedHashMap<>();
        for (PairedEvaluation.Summary s : summary) {
            ssim.put(s.method(), MetricValue.of(s.ssim(), s.ssimSd()));
            psnr.put(s.method(), MetricValue.of(s.psnr(), s.psnrSd()));
            mae.put(s.method(), MetricValue.of(s.mae(), s.maeSd()));
        }
        MetricsTable table = new MetricsTable(methodIds, List.of(
            new Metric("SSIM in brain vs truth", Better.HIGHER, 4, ssim),
            new Metric("PSNR in brain (dB)", Better.HIGHER, 2, psnr),
            new Metric("MAE in brain", Better.LOWER, 2, mae)));

        Path images = Files.createDirectories(report.resolve("images"));
        Path curves = images.resolve("training-losses.png");
        ChartFiles.writePng(CurveChart.create(CurveChartSpec.trainingCurves("Training losses",
            lossSeries(model.resolve("losses.csv")), false)), curves, 760, 380);

        // one subject from the noisiest site, every method, against the truth
        String subject = rows.get(0).subject();
        String source = "siteB";
        Path sourceFile = cohort.resolve(source).resolve(subject + ".nii.gz");
        Volume src = VolumeIO.read(sourceFile).volume();
        Volume truth = VolumeIO.read(cohort.resolve(target).resolve(subject + ".nii.gz")).volume();
        Path volumes = Files.createDirectories(out.resolve("harmonized"));
        Volume gan = harmonizeOne(model, HarmonizeMethod.GAN, src, volumes.resolve(subject + "_" + source + "_gan.nii.gz"));
        Volume nyul = harmonizeOne(model, HarmonizeMethod.NYUL, src, volumes.resolve(subject + "_" + source + "_nyul.nii.gz"));
        Path mosaic = images.resolve("mosaic.png");
        RasVolume truthRas = ras(truth);
        SliceMosaic.writePng(MosaicSpec.orthogonal(
            MosaicRow.ofVolume("source " + source, ras(src), ImageKind.INTENSITY),
            MosaicRow.ofVolume("nyul", ras(nyul), ImageKind.INTENSITY),
            MosaicRow.ofVolume("gan", ras(gan), ImageKind.INTENSITY),
            MosaicRow.ofVolume("truth " + target, truthRas, ImageKind.INTENSITY),
            MosaicRow.ofVolume("gan - truth", RasVolume.difference(ras(gan), truthRas), ImageKind.DIFFERENCE)),
            mosaic);

        PairedEvaluation.Summary ganS = summary.stream().filter(s -> s.method().equals("gan")).findFirst().orElseThrow();
        PairedEvaluation.Summary nyulS = summary.stream().filter(s -> s.method().equals("nyul")).findFirst().orElseThrow();
        PairedEvaluation.Summary noneS = summary.stream().filter(s -> s.method().equals("none")).findFirst().orElseThrow();
        String verdict = String.format(Locale.ROOT,
            "Trained %d steps in %.1f min from scratch. GAN SSIM %.4f vs no harmonization %.4f and Nyul %.4f: the GAN %s "
                + "no harmonization and %s Nyul histogram matching.", trained.step(), trained.seconds() / 60,
            ganS.ssim(), noneS.ssim(), nyulS.ssim(), ganS.ssim() > noneS.ssim() ? "beats" : "does not beat",
            ganS.ssim() > nyulS.ssim() ? "beats" : "does not beat");
        ReportContent content = ReportContent.builder("mrharmony demo: harmonization to " + target)
            .summary(String.format(Locale.ROOT, "Travelling-subject cohort on %s: %d test scans (every held-out "
                + "subject at every other site) harmonized to %s and compared with the same subject's real %s scan, "
                + "inside the brain.", colin ? "the Colin27 T1" : "the built-in phantom", noneS.n(), target, target))
            .note(verdict)
            .note("Site classifier accuracy, site-FID and anatomy checks (GM Dice, thickness) are not part of this "
                + "demo yet.")
            .metrics(table)
            .figure(mosaic, "Subject " + subject + " scanned at " + source + ": source, Nyul, GAN, truth, GAN - truth.")
            .figure(curves, "Training losses (latent-guided passes) from losses.csv.")
            .viewerVolume(ViewerVolume.intensity("source " + source, sourceFile))
            .viewerVolume(ViewerVolume.intensity("gan", volumes.resolve(subject + "_" + source + "_gan.nii.gz")))
            .viewerVolume(ViewerVolume.intensity("truth " + target, cohort.resolve(target).resolve(subject + ".nii.gz")))
            .build();
        return HtmlReportWriter.write(content, report);
    }

    private Volume harmonizeOne(Path model, HarmonizeMethod method, Volume input, Path file) throws IOException {
        try (Harmonizer h = Harmonizer.open(model, HarmonizeOptions.defaults(target).withMethod(method))) {
            Volume out = h.harmonize(input, d -> { });
            VolumeIO.write(file, out);
            return out;
        }
    }

    private static RasVolume ras(Volume v) {
        double[] s = v.voxelSizes();
        return new RasVolume(v.nx(), v.ny(), v.nz(), v.data(), s[0], s[1], s[2]);
    }

    static List<Series> lossSeries(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        String[] names = {"d_real_lat", "d_fake_lat", "g_adv_lat", "g_cyc_lat", "g_tc_lat"};
        double[] steps = new double[lines.size() - 1];
        double[][] values = new double[names.length][lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] f = lines.get(r).split(",");
            steps[r - 1] = Double.parseDouble(f[0]);
            for (int n = 0; n < names.length; n++) {
                values[n][r - 1] = Double.parseDouble(f[header.indexOf(names[n])]);
            }
        }
        List<Series> series = new ArrayList<>();
        for (int n = 0; n < names.length; n++) {
            series.add(new Series(names[n], steps, values[n]));
        }
        return series;
    }
}
