package org.mrharmony.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.harmonize.ModelInfo;
import org.mrharmony.io.FileTrees;
import org.mrharmony.io.Sha256;
import org.mrharmony.synth.CohortFingerprint;
import org.mrharmony.synth.CohortManifest;
import org.mrharmony.train.LossLog;
import org.mrharmony.train.TrainConfig;
import org.mrharmony.train.TrainingRun;
import org.mrharmony.train.ValidationLog;
import org.mrharmony.train.WarmStartRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mrharmony model bundle}: turns a training output folder into the model the demo ships
 * ({@code models/colin27-cpu/}): the files a fine-tune needs, the logs up to the checkpoint's
 * step, and {@value PretrainedModel#FILE} with the step, hours, seed and cohort fingerprint
 * measured from the model's and the cohort's own files.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true,
    description = {"Copy a trained model into a bundle folder (default models/" + BundledModel.NAME + ") with "
        + PretrainedModel.FILE + " describing it; the demo fine-tunes the bundle found in the jar.",
        "Replaces an earlier bundle in that folder; refuses a folder that is not one."})
public final class ModelBundleCommand implements Callable<Integer> {

    /** Sample grids are left out: pictures of the past, megabytes the demo does not need. */
    static final List<String> OPTIONAL_FILES = List.of(ValidationLog.SSIM_CHART, ValidationLog.MAE_CHART);

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A folder written by mrharmony train.")
    Path source;

    @Option(names = "--cohort", required = true, paramLabel = "DIR",
        description = "The synth cohort the model was trained on (its fingerprint goes into " + PretrainedModel.FILE
            + ").")
    Path cohort;

    @Option(names = "--command", required = true, paramLabel = "CMD",
        description = "An exact command that made the cohort or the model, in order (repeat the option).")
    List<String> commands;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "models/" + BundledModel.NAME,
        description = "Bundle folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--machine", paramLabel = "TEXT",
        description = "Where the model was trained (default: this machine's CPU, cores and OS).")
    String machine;

    @Override
    public Integer call() throws Exception {
        PretrainedModel bundle = bundle(source, cohort, commands, machine == null ? thisMachine() : machine, out);
        long bytes = 0;
        for (String file : bundle.files().keySet()) {
            bytes += Files.size(out.resolve(file));
        }
        System.out.printf(Locale.ROOT, "bundled %s: %d steps, %.2f h, %d files, %.1f MB%n", out, bundle.steps(),
            bundle.hours(), bundle.files().size() + 1, bytes / 1e6);
        return 0;
    }

    static PretrainedModel bundle(Path source, Path cohort, List<String> commands, String machine, Path out)
        throws IOException {
        if (!ModelDirectory.exists(source)) {
            throw new IOException(source + ": not a model directory (no model.json and networks/)");
        }
        if (Files.exists(out) && !Files.isRegularFile(out.resolve(PretrainedModel.FILE))) {
            throw new IOException(out + ": exists and is not a bundle (no " + PretrainedModel.FILE + "); not touching it");
        }
        ModelInfo info = ModelDirectory.readInfo(source);
        TrainConfig config = TrainingRun.readConfig(source);
        CohortManifest manifest = CohortManifest.read(cohort);
        if (!manifest.siteNames().equals(info.siteNames())) {
            throw new IOException(cohort + ": sites " + manifest.siteNames() + " are not the model's " + info.siteNames());
        }
        PretrainedModel.WarmStartOrigin origin = warmStartOrigin(source);
        double hours = LossLog.trainingSeconds(source.resolve(LossLog.FILE), info.step()) / 3600
            + (origin == null ? 0 : origin.hours());
        Path tmp = siblingFolder(out, "tmp");
        try {
            List<String> files = new ArrayList<>(List.of(ModelDirectory.INFO_FILE, TrainingRun.CONFIG_FILE,
                TrainingRun.OPTIMIZER_FILE));
            try (Stream<Path> networks = Files.list(source.resolve(ModelDirectory.NETWORKS_DIR))) {
                networks.filter(Files::isRegularFile).sorted()
                    .forEach(p -> files.add(ModelDirectory.NETWORKS_DIR + "/" + p.getFileName()));
            }
            for (String file : OPTIONAL_FILES) {
                if (Files.isRegularFile(source.resolve(file))) {
                    files.add(file);
                }
            }
            for (String file : files) {
                Files.createDirectories(tmp.resolve(file).getParent());
                Files.copy(source.resolve(file), tmp.resolve(file));
            }
            // the logs only up to the checkpoint: a log written past it describes steps the networks never saw
            for (String log : List.of(LossLog.FILE, ValidationLog.FILE)) {
                if (Files.isRegularFile(source.resolve(log))) {
                    Files.write(tmp.resolve(log), rowsUpTo(source.resolve(log), info.step()), StandardCharsets.UTF_8);
                    files.add(log);
                }
            }
            Map<String, String> sums = new TreeMap<>();
            for (String file : files) {
                sums.put(file, Sha256.of(tmp.resolve(file)));
            }
            String anatomy = manifest.anatomy();
            PretrainedModel bundle = new PretrainedModel(PretrainedModel.FORMAT_VERSION, out.getFileName().toString(),
                config.preset(), config.seed(), info.step(), hours, info.siteNames(), machine, commands,
                new PretrainedModel.Cohort(CohortFingerprint.of(cohort), CohortFingerprint.describe(manifest), anatomy,
                    CohortManifest.PHANTOM.equals(anatomy) ? null : Sha256.of(Path.of(anatomy)),
                    manifest.subjects().size(), manifest.size(), manifest.seed()),
                sums, origin);
            Files.write(tmp.resolve(PretrainedModel.FILE), ModelDirectory.JSON.writeValueAsBytes(bundle));
            replace(out, tmp);
            return bundle;
        } finally {
            FileTrees.delete(tmp);
        }
    }

    /**
     * The steps and hours already in a warm-started run's networks, from its {@value
     * WarmStartRecord#FILE} and the source's own log (and, in turn, the source's warm start);
     * null for a run that started from fresh networks. The source must still be where the record
     * says: without its log the hours behind the model could only be guessed.
     */
    static PretrainedModel.WarmStartOrigin warmStartOrigin(Path run) throws IOException {
        Optional<WarmStartRecord> record = WarmStartRecord.read(run);
        if (record.isEmpty()) {
            return null;
        }
        Path from = Path.of(record.get().source());
        long step = record.get().sourceStep();
        if (!Files.isRegularFile(from.resolve(LossLog.FILE))) {
            throw new IOException(run.resolve(WarmStartRecord.FILE) + ": the warm start's source " + from + " has no "
                + LossLog.FILE + ", so the hours behind the model cannot be counted");
        }
        PretrainedModel.WarmStartOrigin earlier = warmStartOrigin(from);
        return new PretrainedModel.WarmStartOrigin(from.toString(), step + (earlier == null ? 0 : earlier.steps()),
            LossLog.trainingSeconds(from.resolve(LossLog.FILE), step) / 3600 + (earlier == null ? 0 : earlier.hours()));
    }

    /** The header and the rows whose first field (the step) is at most {@code step}. */
    static List<String> rowsUpTo(Path csv, long step) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 || (!line.isBlank() && Long.parseLong(line.substring(0, line.indexOf(','))) <= step)) {
                kept.add(line);
            }
        }
        return kept;
    }

    /** The old bundle is moved aside before the new one is renamed in, so a failure leaves one of them whole. */
    private static void replace(Path out, Path fresh) throws IOException {
        Path old = null;
        if (Files.exists(out)) {
            old = siblingFolder(out, "old");
            Files.delete(old);
            Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, out, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            FileTrees.delete(old);
        }
    }

    /**
     * A new hidden folder beside {@code target}, on the same file system so it can be renamed
     * onto it; made with the usual permissions (a temp directory's would be owner-only).
     */
    static Path siblingFolder(Path target, String tag) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createDirectory(parent.resolve("." + target.getFileName() + "." + tag + "-"
            + ProcessHandle.current().pid() + "-" + System.nanoTime()));
    }

    static String thisMachine() {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the CPU stays unnamed
        }
        return String.format(Locale.ROOT, "%s, %d cores, %s %s", cpu, Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
