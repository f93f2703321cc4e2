package org.mrharmony.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.harmonize.CpuThreads;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.train.TrainConfig;
import org.mrharmony.train.TrainConfigs;
import org.mrharmony.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mrharmony train}: StarGAN v2 + temporal coherence on a multi-site dataset. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
        "Train the StarGAN v2 + temporal-coherence networks on a multi-site dataset.",
        "DATA is a folder with one sub-folder per site (DIR/<site>/*.nii.gz), a cohort from 'mrharmony synth'",
        "(its train split), or a BIDS dataset with --site-column (every T1w image, or those the BIDS filters choose).",
        "Writes a model directory: model.json, networks/, config.json, optimizer.state, losses.csv,",
        "losses.png, samples/step_NNNNNN.png; with a cohort's test split also validation.csv and validation.png",
        "(SSIM/MAE to the travelling-subject truth every validate_every steps, beside none and nyul)."})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", required = true,
        description = "Dataset folder: site sub-folders, a synth cohort, or a BIDS dataset (with --site-column).")
    Path data;

    @Option(names = "--site-column", paramLabel = "COLUMN",
        description = "BIDS datasets: the column of sub-<label>_sessions.tsv (per session, wins) or participants.tsv"
            + " (per participant) that names each scan's site.")
    String siteColumn;

    @Mixin
    BidsSelection bidsSelection;

    @Option(names = "--out", required = true, description = "Model directory to write (or to continue with --resume).")
    Path out;

    @Option(names = "--preset", defaultValue = NetworkPresets.DEFAULT,
        description = "Network preset: paper, cpu, tiny (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--config", description = "JSON file overriding any training setting (keys as in config.json).")
    Path config;

    @Option(names = "--steps", description = "Total training iterations (default 10000).")
    Long steps;

    @Option(names = "--batch", description = "Samples per iteration (default 4 with the cpu preset, 8 otherwise).")
    Integer batch;

    @Option(names = "--seed", description = "Seed of initialisation and sampling (default 777).")
    Long seed;

    @Option(names = "--lambda-tc", description = "Weight of the temporal coherence loss (default 0.5).")
    Float lambdaTc;

    @Option(names = "--lambda-cyc", description = "Weight of the cycle consistency loss (default 1).")
    Float lambdaCyc;

    @Option(names = "--tc-form", description = "Temporal coherence form: overlap (default) or difference.")
    String tcForm;

    @Option(names = "--device", description = "cpu (default), gpu or gpuN.")
    String device;

    @Option(names = "--threads", paramLabel = "N",
        description = "Threads per network operation (default: one per core; on a busy machine 1 is much faster, "
            + "docs/BENCHMARKS.md). Results do not depend on it.")
    Integer threads;

    @Option(names = "--minutes", description = "Stop after this many minutes (a checkpoint is written).")
    Double minutes;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
    boolean resume;

    @Option(names = "--init-from", paramLabel = "MODEL_DIR",
        description = "Start a new run from this trained model's weights where names and shapes match (same sites); "
            + "the optimiser starts fresh at step 0. E.g. continue a model with other loss weights, or with "
            + "\"full_res_skip\": true in --config.")
    Path initFrom;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            CpuThreads.set(threads);
        }
        SiteDataset dataset = TrainingData.open(data, siteColumn, bidsSelection);
        TrainConfig cfg;
        if (resume) {
            cfg = TrainingRun.readConfig(out);
            if (steps != null) {
                cfg = cfg.withSteps(steps);
            }
        } else {
            Map<String, Object> overrides = new LinkedHashMap<>();
            put(overrides, "steps", steps);
            put(overrides, "batch", batch);
            put(overrides, "seed", seed);
            put(overrides, "lambda_tc", lambdaTc);
            put(overrides, "lambda_cyc", lambdaCyc);
            put(overrides, "tc_form", tcForm);
            put(overrides, "device", device);
            cfg = TrainConfigs.resolve(preset, dataset.sites().size(), config, overrides);
        }
        Duration limit = minutes == null ? null : Duration.ofMillis((long) (minutes * 60_000));
        System.err.printf(Locale.ROOT, "mrharmony train: %d sites %s, preset %s, %d steps of batch %d, seed %d%s -> %s%n",
            dataset.sites().size(), dataset.sites(), cfg.preset(), cfg.steps(), cfg.batch(), cfg.seed(),
            cfg.standardizes() ? ", inputs standardised (" + cfg.standardize() + ")" : "", out);
        TrainingRun.Result r = TrainingRun.run(cfg, dataset, out, resume, initFrom, limit, !quiet);
        System.out.printf(Locale.ROOT, "trained to step %d in %.1f s%s; model in %s%n", r.step(), r.seconds(),
            r.stoppedByTime() ? " (time limit reached)" : "", out);
        if (r.skippedUpdates() > 0) {
            System.out.printf(Locale.ROOT, "note: %d optimiser updates skipped for non-finite gradients%n",
                r.skippedUpdates());
        }
        return 0;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
