package org.mrharmony.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.io.AtomicFiles;
import org.mrharmony.model.WarmStart;

/**
 * {@value #FILE} in a model directory started with {@code train --init-from}: where its first
 * weights came from and how much of them was taken. Written by {@link TrainingRun}; read by
 * {@code model bundle}, which follows it back to count the training already in the networks.
 *
 * @param source     the source model's folder (absolute)
 * @param sourceStep the source's training step when its weights were copied
 * @param copied     parameter tensors copied
 * @param fresh      parameters of the new networks the source had no counterpart for
 * @param unused     parameters of the source nothing took
 */
public record WarmStartRecord(
        @JsonProperty("source") String source,
        @JsonProperty("source_step") long sourceStep,
        @JsonProperty("copied") int copied,
        @JsonProperty("fresh") List<String> fresh,
        @JsonProperty("unused") List<String> unused) {

    public static final String FILE = "warm-start.json";

    static WarmStartRecord of(Path source, long sourceStep, WarmStart taken) {
        return new WarmStartRecord(source.toAbsolutePath().normalize().toString(), sourceStep, taken.copied().size(),
            taken.fresh(), taken.unused());
    }

    void write(Path modelDir) throws IOException {
        AtomicFiles.writeBytes(modelDir.resolve(FILE), ModelDirectory.JSON.writeValueAsBytes(this));
    }

    /** The record of a warm-started run; empty for a run that started from fresh networks. */
    public static Optional<WarmStartRecord> read(Path modelDir) throws IOException {
        Path file = modelDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        WarmStartRecord r;
        try {
            r = ModelDirectory.JSON.readValue(file.toFile(), WarmStartRecord.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": damaged: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (r.source() == null) {
            throw new IOException(file + ": no source and source_step");
        }
        return Optional.of(r);
    }
}
