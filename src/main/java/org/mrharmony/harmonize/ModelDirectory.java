package org.mrharmony.harmonize;

import ai.djl.Device;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mrharmony.io.AtomicFiles;
import org.mrharmony.model.NetworkCheckpoint;
import org.mrharmony.model.StarGanV2;

/**
 * A trained model on disk:
 * <pre>
 *   MODEL_DIR/model.json            ModelInfo: sites, intensity scales, mean styles, slicing, training config
 *   MODEL_DIR/networks/             the seven networks (NetworkCheckpoint: config + .params)
 *   MODEL_DIR/optimizer.state       Adam moments (training only; see train.Checkpoint)
 * </pre>
 * Reading is strict: a missing file, an unknown format version or damaged JSON fails with one
 * line naming the file.
 */
public final class ModelDirectory {

    public static final int FORMAT_VERSION = 1;
    public static final String INFO_FILE = "model.json";
    public static final String NETWORKS_DIR = "networks";

    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelDirectory() {
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(INFO_FILE)) && NetworkCheckpoint.exists(dir.resolve(NETWORKS_DIR));
    }

    public static ModelInfo readInfo(Path dir) throws IOException {
        Path file = dir.resolve(INFO_FILE);
        ModelInfo info;
        try {
            info = JSON.readValue(Files.readAllBytes(file), ModelInfo.class);
        } catch (NoSuchFileException e) {
            throw new IOException(dir + ": not a model directory (no " + INFO_FILE + ")");
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": damaged model description: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (info.formatVersion() != FORMAT_VERSION) {
            throw new IOException(file + ": model format version " + info.formatVersion()
                + " is not supported by this mrharmony (expects " + FORMAT_VERSION + ")");
        }
        if (info.sites() == null || info.sites().isEmpty()) {
            throw new IOException(file + ": the model lists no sites");
        }
        return info;
    }

    public static StarGanV2 readNetworks(Path dir, Device device) throws IOException {
        return NetworkCheckpoint.load(dir.resolve(NETWORKS_DIR), device);
    }

    /** Writes the description and the networks; each file atomically (temp + rename). */
    public static void write(Path dir, ModelInfo info, StarGanV2 nets) throws IOException {
        Files.createDirectories(dir);
        NetworkCheckpoint.save(nets, dir.resolve(NETWORKS_DIR));
        writeInfo(dir, info);
    }

    public static void writeInfo(Path dir, ModelInfo info) throws IOException {
        Path target = dir.resolve(INFO_FILE);
        AtomicFiles.writeBytes(target, JSON.writeValueAsBytes(info));
    }
}
