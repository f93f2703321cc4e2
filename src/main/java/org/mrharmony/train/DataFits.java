package org.mrharmony.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mrharmony.data.InputStandard;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.eval.MaskedVolume;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.harmonize.ModelInfo;
import org.mrharmony.harmonize.NyulFitter;
import org.mrharmony.harmonize.SiteBaselines;
import org.mrharmony.harmonize.SiteInfo;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Reorient;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * What a training run fits once on its raw training volumes and stores with the model: every
 * site's intensity baselines (z-score, WhiteStripe, Nyúl, for {@code harmonize --method} and
 * the demo) and, with {@code "standardize": "nyul"}, the input standard every scan is mapped
 * onto before the networks see it. A resumed run reads both back from its model instead, so
 * its scans are prepared exactly as before the interruption.
 *
 * @param baselines     per site, in the data's site order
 * @param inputStandard the pooled Nyúl–Udupa scale, or null when scans go in as they are
 */
public record DataFits(List<SiteBaselines> baselines, SiteBaselines.NyulFit inputStandard) {

    /** The standard {@link org.mrharmony.data.TrainingSet#load} maps each volume onto. */
    public InputStandard standard() {
        return inputStandard == null ? InputStandard.NONE : inputStandard;
    }

    /**
     * Fits the baselines, and with {@code cfg.standardizes()} the input standard: carried over
     * from {@code source} (the model a warm start copies its weights from) when that has one,
     * since its weights learned on scans on that scale; otherwise pooled over all sites' volumes.
     *
     * @param source the warm start's model, or null
     */
    public static DataFits fit(TrainConfig cfg, SiteDataset dataset, ModelInfo source, Path sourceDir, boolean progress)
            throws IOException {
        SiteBaselines.NyulFit carried = source == null ? null : source.inputStandard();
        if (carried != null && !cfg.standardizes()) {
            System.err.println("mrharmony train: note: " + sourceDir + " was trained on scans mapped onto its input "
                + "standard; this run (standardize '" + cfg.standardize() + "') trains on scans as they are");
        }
        boolean pool = cfg.standardizes() && carried == null;
        int total = dataset.sites().stream().mapToInt(s -> dataset.train().get(s).size()).sum();
        List<SiteBaselines> fits = new ArrayList<>();
        NyulFitter pooled = new NyulFitter();
        try (ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("Fitting baselines")
            .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build() : null) {
            for (String site : dataset.sites()) {
                SiteBaselines.Fitter fitter = new SiteBaselines.Fitter();
                for (Path file : dataset.train().get(site)) {
                    Volume canonical = Reorient.toCanonical(VolumeIO.read(file).volume()).volume();
                    Mask head = ForegroundMask.compute(canonical);
                    MaskedVolume masked = new MaskedVolume(canonical, head.toArray());
                    fitter.add(masked);
                    if (pool) {
                        pooled.add(masked);
                    }
                    if (bar != null) {
                        bar.step();
                    }
                }
                fits.add(fitter.result());
            }
        }
        SiteBaselines.NyulFit standard = !cfg.standardizes() ? null : carried != null ? carried : pooled.result();
        if (carried != null && cfg.standardizes()) {
            System.err.println("mrharmony train: input standard carried over from " + sourceDir);
        }
        return new DataFits(fits, standard);
    }

    /**
     * A resumed run's fits, read back from its model; the model must have an input standard
     * exactly when the configuration asks for one.
     */
    static DataFits stored(TrainConfig cfg, Path modelDir) throws IOException {
        ModelInfo info = ModelDirectory.readInfo(modelDir);
        if (cfg.standardizes() != (info.inputStandard() != null)) {
            throw new IOException(modelDir.resolve(ModelDirectory.INFO_FILE) + ": " + (info.inputStandard() == null
                ? "has no input_standard but the run's configuration says standardize 'nyul'"
                : "has an input_standard but the run's configuration says standardize '" + cfg.standardize() + "'"));
        }
        return new DataFits(info.sites().stream().map(SiteInfo::baselines).toList(), info.inputStandard());
    }
}
