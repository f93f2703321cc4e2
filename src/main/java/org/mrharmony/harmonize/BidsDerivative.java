package org.mrharmony.harmonize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mrharmony.data.BidsDataset;
import org.mrharmony.data.BidsScan;
import org.mrharmony.io.AtomicFiles;

/**
 * The BIDS derivative dataset harmonize writes (BIDS-Apps convention): the source's folder
 * layout, names with {@code desc-harmonized}, a JSON sidecar per image and a
 * {@code dataset_description.json} of {@code DatasetType} "derivative".
 */
public final class BidsDerivative {

    public static final String DESCRIPTION_FILE = "dataset_description.json";
    public static final String BIDS_VERSION = BidsDataset.BIDS_VERSION;
    public static final String DESC = "harmonized";
    public static final String GENERATOR = "mrharmony";
    /** The DatasetLinks name of the source dataset in the sidecars' BIDS URIs. */
    public static final String SOURCE_LINK = "raw";

    private BidsDerivative() {
    }

    /** One job per scan: {@code OUT/sub-XX/[ses-YY/]anat/<entities>_desc-harmonized_<suffix>.nii.gz} and its .json. */
    public static List<HarmonizeJob> plan(List<BidsScan> scans, Path outDir, Integer volumeIndex) {
        List<HarmonizeJob> jobs = new ArrayList<>();
        for (BidsScan scan : scans) {
            Path folder = outDir.resolve(scan.relativeFolder());
            jobs.add(new HarmonizeJob(scan.file(), volumeIndex,
                folder.resolve(scan.derivativeName(DESC, OutputPlan.NIFTI_EXTENSION)),
                folder.resolve(scan.derivativeName(DESC, OutputPlan.SIDECAR_EXTENSION)),
                List.of("bids:" + SOURCE_LINK + ":" + scan.relativePath())));
        }
        return jobs;
    }

    /**
     * Refuses an output folder that is the source dataset or that holds another dataset's
     * description (unless {@code overwrite}).
     */
    public static void checkOutputFolder(Path outDir, Path sourceDir, boolean overwrite) throws IOException {
        if (OutputPlan.sameFile(outDir, sourceDir)) {
            throw new IOException(outDir + ": is the BIDS dataset itself; write derivatives elsewhere, e.g. "
                + sourceDir.resolve("derivatives").resolve(GENERATOR));
        }
        Path file = outDir.resolve(DESCRIPTION_FILE);
        if (Files.exists(file) && !overwrite && !writtenByUs(file)) {
            throw new IOException(file + ": describes another dataset, not mrharmony's output"
                + " (choose another output folder, or --overwrite)");
        }
    }

    private static boolean writtenByUs(Path description) {
        try {
            JsonNode root = ModelDirectory.JSON.readTree(description.toFile());
            return GENERATOR.equals(root.path("GeneratedBy").path(0).path("Name").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes {@code dataset_description.json} atomically. */
    public static void writeDescription(Path outDir, Path sourceDir, String version) throws IOException {
        String sourceUri = sourceDir.toAbsolutePath().normalize().toUri().toString();
        ObjectNode root = ModelDirectory.JSON.createObjectNode();
        root.put("Name", "mrharmony harmonized " + sourceDir.toAbsolutePath().normalize().getFileName());
        root.put("BIDSVersion", BIDS_VERSION);
        root.put("DatasetType", "derivative");
        ArrayNode generatedBy = root.putArray("GeneratedBy");
        generatedBy.addObject()
            .put("Name", GENERATOR)
            .put("Version", version)
            .put("Description", "StarGAN v2 harmonization of T1-weighted MRI across sites");
        root.putArray("SourceDatasets").addObject().put("URL", sourceUri);
        root.putObject("DatasetLinks").put(SOURCE_LINK, sourceUri);
        Files.createDirectories(outDir);
        Path file = outDir.resolve(DESCRIPTION_FILE);
        AtomicFiles.writeBytes(file, ModelDirectory.JSON.writeValueAsBytes(root));
    }
}
