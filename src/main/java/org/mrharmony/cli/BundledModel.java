package org.mrharmony.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.io.FileTrees;
import org.mrharmony.io.Sha256;
import org.mrharmony.train.TrainConfig;
import org.mrharmony.train.TrainingRun;

/**
 * The model the project trained itself and ships inside the jar ({@code models/colin27-cpu/}
 * in the repository, a Maven resource), or — for tests — a folder holding the same files.
 * Its {@value PretrainedModel#FILE} lists every file with a SHA-256, so a copy is checked byte
 * for byte (a damaged file or a Git LFS pointer fails at once, not mid-training).
 */
final class BundledModel {

    static final String NAME = "colin27-cpu";
    static final String RESOURCE = "/models/" + NAME + "/";

    /** Opens one file of the bundle by its {@code /}-separated path. */
    @FunctionalInterface
    interface Source {
        InputStream open(String path) throws IOException;
    }

    private final Source source;
    private final String where;
    private final PretrainedModel info;

    private BundledModel(Source source, String where) throws IOException {
        this.source = source;
        this.where = where;
        try (InputStream in = source.open(PretrainedModel.FILE)) {
            this.info = PretrainedModel.read(in, where);
        }
    }

    /** The model inside this build; empty when the build has none. */
    static Optional<BundledModel> onClasspath() throws IOException {
        if (BundledModel.class.getResource(RESOURCE + PretrainedModel.FILE) == null) {
            return Optional.empty();
        }
        return Optional.of(new BundledModel(path -> {
            InputStream in = BundledModel.class.getResourceAsStream(RESOURCE + path);
            if (in == null) {
                throw new IOException("the bundled model " + NAME + " lacks " + path + " (incomplete build?)");
            }
            return in;
        }, "bundled model " + NAME));
    }

    /** A bundle written by {@code mrharmony model bundle} into {@code dir}. */
    static BundledModel inFolder(Path dir) throws IOException {
        return new BundledModel(path -> {
            try {
                return Files.newInputStream(dir.resolve(path));
            } catch (NoSuchFileException e) {
                throw new IOException(dir.resolve(path) + ": missing from the bundled model");
            }
        }, dir.toString());
    }

    PretrainedModel info() {
        return info;
    }

    /** Its training configuration (config.json), as the bundled run used it. */
    TrainConfig config() throws IOException {
        try (InputStream in = source.open(TrainingRun.CONFIG_FILE)) {
            return ModelDirectory.JSON.readValue(in, TrainConfig.class);
        }
    }

    /**
     * Copies every listed file and {@value PretrainedModel#FILE} (so the copy remembers where it
     * came from) into {@code modelDir}, which must not exist yet or be empty: written into a
     * temporary sibling first and renamed, so an interrupted copy leaves no half model.
     */
    void copyTo(Path modelDir) throws IOException {
        if (Files.isDirectory(modelDir)) {
            try (Stream<Path> entries = Files.list(modelDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(modelDir + ": holds files but no complete model; remove it or choose "
                        + "another --out");
                }
            }
            Files.delete(modelDir);
        }
        Path tmp = ModelBundleCommand.siblingFolder(modelDir, "tmp");
        try {
            for (Map.Entry<String, String> file : info.files().entrySet()) {
                copyChecked(file.getKey(), file.getValue(), tmp.resolve(file.getKey()));
            }
            try (InputStream in = source.open(PretrainedModel.FILE)) {
                Files.copy(in, tmp.resolve(PretrainedModel.FILE));
            }
            Files.move(tmp, modelDir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileTrees.delete(tmp);
        }
    }

    private void copyChecked(String path, String sha256, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = source.open(path)) {
            Files.copy(in, target);
        }
        String actual = Sha256.of(target);
        if (!actual.equals(sha256)) {
            throw new IOException(where + ": " + path + " has SHA-256 " + actual + ", not the " + sha256 + " its "
                + PretrainedModel.FILE + " lists (damaged, or a Git LFS pointer instead of the file?)");
        }
    }
}
