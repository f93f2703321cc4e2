package org.mrharmony.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mrharmony.eval.ComparedModel;
import org.mrharmony.eval.Evaluation;
import org.mrharmony.eval.EvaluationReport;
import org.mrharmony.eval.EvaluationResult;
import org.mrharmony.eval.MethodMetrics;
import org.mrharmony.eval.SiteClassifier;
import org.mrharmony.eval.SiteClassifierNet;
import org.mrharmony.harmonize.HarmonizeMethod;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.model.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mrharmony evaluate}: every test subject of a travelling-subject cohort harmonized to one
 * site by each method, scored against the truth (similarity, site classifier, site-FID, W1,
 * anatomy, coherence), written to {@code metrics.json} and {@code report.html}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Evaluate harmonization methods on a synth cohort's test subjects against the travelling-subject "
        + "truth; writes metrics.json and report.html."})
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--cohort", required = true, paramLabel = "DIR", description = "A synth cohort (with cohort.json).")
    Path cohort;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory written by train.")
    Path model;

    @Option(names = "--target", required = true, paramLabel = "SITE", description = "Site to harmonize to.")
    String target;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder to write.")
    Path out;

    @Option(names = "--methods", split = ",", defaultValue = "none,zscore,whitestripe,nyul,gan",
        description = "Methods, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--subjects", defaultValue = "0", paramLabel = "N",
        description = "Use the first N test subjects (default: all).")
    int subjects;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "D", description = "cpu, gpu or gpuN (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--classifier", defaultValue = "small",
        description = "Site classifier: small (default, seconds on a CPU) or resnet50 (the talk's).")
    String classifier;

    @Option(names = "--classifier-steps", paramLabel = "N",
        description = "Training steps of the site classifier (default: 300 small, 600 resnet50).")
    Integer classifierSteps;

    @Option(names = "--compare-model", paramLabel = "NAME=MODEL_DIR",
        description = "A further GAN model evaluated as method gan_NAME (same cohort, target and mean style), e.g. "
            + "notc=DIR for a model trained with lambda_tc 0; repeatable.")
    List<String> compareModels = new ArrayList<>();

    @Option(names = "--atlas", paramLabel = "FILE",
        description = "Label atlas NIfTI in world coordinates (e.g. /usr/share/mricron/templates/aal.nii.gz) for "
            + "mean cortical thickness per region; region names from FILE's .txt label list when present.")
    Path atlas;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(cohort)) {
            throw new UserError(cohort + ": not a folder");
        }
        if (!ModelDirectory.exists(model)) {
            throw new UserError(model + ": not a model directory (run mrharmony train first)");
        }
        List<HarmonizeMethod> chosen = new ArrayList<>();
        for (String m : methods) {
            chosen.add(HarmonizeMethod.fromId(m.trim()));
        }
        List<ComparedModel> compare = new ArrayList<>();
        for (String spec : compareModels) {
            compare.add(ComparedModel.parse(spec));
        }
        if (atlas != null && !Files.isRegularFile(atlas)) {
            throw new UserError(atlas + ": no such atlas file");
        }
        SiteClassifier.Settings cls = SiteClassifier.Settings.defaults(SiteClassifierNet.Architecture.fromId(classifier));
        if (classifierSteps != null) {
            cls = cls.withSteps(classifierSteps);
        }
        String isa = System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "").toUpperCase(Locale.ROOT);
        if (cls.architecture() == SiteClassifierNet.Architecture.RESNET50 && !isa.equals("AVX") && !isa.startsWith("SSE")) {
            // measured on an AMD EPYC (session 3): oneDNN's brgemm 1x1 backward convolution divides
            // by zero (SIGFPE, the JVM dies) at ResNet-50's shapes, with the AVX2 kernels and the
            // default ones; its plain AVX kernels are fine. The JVM cannot change it once loaded.
            System.err.println("mrharmony evaluate: warning: ResNet-50 training may crash (SIGFPE in oneDNN's AVX2 "
                + "1x1 convolution backward on some CPUs); if it does, run with ONEDNN_MAX_CPU_ISA=AVX");
        }
        long started = System.nanoTime();
        EvaluationResult result = Evaluation.run(cohort, model, new Evaluation.Settings(target, chosen, subjects, cls,
            Devices.parse(device), !quiet, compare, atlas));
        int scans = result.methods().get(0).n();
        Path report = EvaluationReport.write(result, out, "mrharmony evaluate: harmonization to " + target,
            String.format(Locale.ROOT, "Cohort %s, model %s: %d test scans (held-out subjects at every site but %s) "
                + "harmonized to %s by %s and compared with the same subjects' real %s scans.", cohort, model, scans,
                target, target, String.join(", ", result.methods().stream().map(MethodMetrics::method).toList()),
                target), EvaluationReport.Extras.none());
        printTable(result);
        System.out.printf(Locale.ROOT, "%nevaluated in %.1f min%n", (System.nanoTime() - started) / 60e9);
        System.out.println("metrics: " + out.resolve("metrics.json"));
        System.out.println("report:  " + report);
        return 0;
    }

    /** The headline figures on stdout, one line per method. */
    static void printTable(EvaluationResult r) {
        System.out.println();
        System.out.println("method        SSIM             PSNR    MAE      site_acc  target  site_FID  W1       "
            + "GM_Dice  WM_Dice  thick_mm  coherence  vol_err%");
        for (MethodMetrics m : r.methods()) {
            System.out.printf(Locale.ROOT, "%-12s  %.4f ± %.4f  %6.2f  %7.2f  %8.2f  %6.2f  %8.3f  %7.2f  %7.3f  %7.3f"
                    + "  %8.3f  %9.3f  %8.2f%n", m.method(), m.ssim(), m.ssimSd(), m.psnr(), m.mae(), m.siteAccuracy(),
                m.targetRate(), m.siteFid(), m.w1(), m.gmDice(), m.wmDice(), m.thicknessMaeMm(), m.coherence(),
                m.volumeErrorPct());
        }
        if (!r.regionNames().isEmpty()) {
            System.out.println("regional thickness MAE vs the real target-site scan (mm, " + r.regionNames().size()
                + " atlas regions): " + String.join(", ", r.methods().stream().map(m -> String.format(Locale.ROOT,
                "%s %.3f", m.method(), m.thicknessRegionMaeMm())).toList()));
        }
        EvaluationReport.coherenceComparison(r).ifPresent(System.out::println);
        double[] curve = r.classifier().lossCurve();
        System.out.printf(Locale.ROOT, "site classifier (%s, training loss %.3f -> %.3f) on unharmonized test scans: "
                + "accuracy %.2f, chance %.2f%n", r.classifier().architecture(), curve[0], curve[curve.length - 1],
            r.classifier().testAccuracy(), 1.0 / r.sites().size());
    }
}
