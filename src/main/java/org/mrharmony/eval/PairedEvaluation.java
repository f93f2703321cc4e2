package org.mrharmony.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mrharmony.harmonize.HarmonizeMethod;
import org.mrharmony.harmonize.HarmonizeOptions;
import org.mrharmony.harmonize.Harmonizer;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * Harmonization judged against travelling-subject truth (METHOD.md, "Image similarity"): every
 * held-out subject of a {@code synth} cohort, scanned at every source site, is harmonized to the
 * target site by each method and compared with the same subject's real target-site scan, inside
 * the brain (truth labels > 0).
 */
public final class PairedEvaluation {

    /** One harmonized scan against its truth. */
    public record Row(String method, String subject, String sourceSite, double ssim, double psnr, double mae) {
    }

    /** Mean and sample sd over the rows of one method. */
    public record Summary(String method, int n, double ssim, double ssimSd, double psnr, double psnrSd,
                          double mae, double maeSd) {
    }

    private PairedEvaluation() {
    }

    public static List<Row> run(Path cohort, Path modelDir, String target, List<HarmonizeMethod> methods,
                                boolean progress) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(cohort.resolve("cohort.json").toFile());
        List<String> sites = new ArrayList<>();
        manifest.path("sites").forEach(s -> sites.add(s.path("name").asText()));
        List<String> subjects = new ArrayList<>();
        manifest.path("subjects").forEach(s -> {
            if ("test".equals(s.path("split").asText())) {
                subjects.add(s.path("id").asText());
            }
        });
        if (!sites.contains(target)) {
            throw new IOException(cohort + ": no site '" + target + "'; sites: " + String.join(", ", sites));
        }
        if (subjects.isEmpty()) {
            throw new IOException(cohort + ": the cohort has no test subjects");
        }
        List<Row> rows = new ArrayList<>();
        int total = methods.size() * subjects.size() * (sites.size() - 1);
        try (ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("Evaluating").setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build() : null) {
            for (HarmonizeMethod method : methods) {
                try (Harmonizer h = Harmonizer.open(modelDir, HarmonizeOptions.defaults(target).withMethod(method))) {
                    for (String subject : subjects) {
                        Volume truth = VolumeIO.read(cohort.resolve(target).resolve(subject + ".nii.gz")).volume();
                        boolean[] brain = brainMask(cohort, subject);
                        for (String source : sites) {
                            if (source.equals(target)) {
                                continue;
                            }
                            Volume input = VolumeIO.read(cohort.resolve(source).resolve(subject + ".nii.gz")).volume();
                            Volume out = h.harmonize(input, done -> { });
                            SimilarityScores s = SimilarityScores.compare(out, truth, brain, null);
                            rows.add(new Row(method.id(), subject, source, s.ssim(), s.psnr(), s.mae()));
                            if (bar != null) {
                                bar.step();
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    static boolean[] brainMask(Path cohort, String subject) throws IOException {
        return brainMask(VolumeIO.read(cohort.resolve("truth").resolve(subject + "_labels.nii.gz")).volume());
    }

    /** The voxels scored: the brain of a cohort's truth label volume (any tissue label > 0). */
    public static boolean[] brainMask(Volume truthLabels) {
        float[] labels = truthLabels.data();
        boolean[] mask = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            mask[i] = labels[i] > 0;
        }
        return mask;
    }

    public static List<Summary> summarize(List<Row> rows) {
        List<String> methods = rows.stream().map(Row::method).distinct().toList();
        List<Summary> out = new ArrayList<>();
        for (String m : methods) {
            List<Row> r = rows.stream().filter(x -> x.method().equals(m)).toList();
            double[] ssim = r.stream().mapToDouble(Row::ssim).toArray();
            double[] psnr = r.stream().mapToDouble(Row::psnr).toArray();
            double[] mae = r.stream().mapToDouble(Row::mae).toArray();
            out.add(new Summary(m, r.size(), mean(ssim), sd(ssim), mean(psnr), sd(psnr), mean(mae), sd(mae)));
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n - 1); 0 for a single value. */
    static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
