package org.mrharmony.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One image of a BIDS dataset, with the entities of its file name
 * ({@code sub-01_ses-02_acq-mprage_run-1_T1w.nii.gz}: sub, ses, acq, run; suffix T1w).
 *
 * @param file     the image
 * @param entities the key-value entities in file-name order (sub first)
 * @param suffix   the modality suffix, e.g. {@code T1w}
 */
public record BidsScan(Path file, Map<String, String> entities, String suffix) {

    public BidsScan {
        entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
        if (!entities.containsKey("sub")) {
            throw new IllegalArgumentException(file + ": a BIDS file name starts with sub-<label>");
        }
    }

    /** The participant label, without {@code sub-}. */
    public String subject() {
        return entities.get("sub");
    }

    /** The session label without {@code ses-}, or null for a dataset without sessions. */
    public String session() {
        return entities.get("ses");
    }

    /** The folder of this scan relative to the dataset root: {@code sub-XX[/ses-YY]/anat}. */
    public Path relativeFolder() {
        Path p = Path.of("sub-" + subject());
        if (session() != null) {
            p = p.resolve("ses-" + session());
        }
        return p.resolve(BidsDataset.ANAT);
    }

    /** The scan's path relative to the dataset root, with forward slashes (for BIDS URIs). */
    public String relativePath() {
        return relativeFolder().resolve(file.getFileName()).toString().replace('\\', '/');
    }

    /**
     * The name of a derivative of this scan: the same entities with {@code desc-<desc>} (replacing
     * any desc the source had; desc comes last among the entities, as BIDS orders them), then the
     * suffix and the extension. {@code sub-01_run-1_T1w} with desc "harmonized" and ".nii.gz" gives
     * {@code sub-01_run-1_desc-harmonized_T1w.nii.gz}.
     */
    public String derivativeName(String desc, String extension) {
        StringBuilder name = new StringBuilder();
        for (Map.Entry<String, String> e : entities.entrySet()) {
            if (!e.getKey().equals("desc")) {
                name.append(e.getKey()).append('-').append(e.getValue()).append('_');
            }
        }
        return name.append("desc-").append(desc).append('_').append(suffix).append(extension).toString();
    }
}
