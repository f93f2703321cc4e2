package org.mrharmony.harmonize;

import java.nio.file.Path;
import java.util.List;

/**
 * One volume to harmonize and where its results go.
 *
 * @param input       the NIfTI file
 * @param volumeIndex the volume of a 4D file, or null for a 3D file
 * @param output      the harmonized NIfTI ({@code .nii.gz})
 * @param sidecar     the JSON sidecar describing how it was made
 * @param sources     BIDS URIs of the source files, for a BIDS derivative's sidecar; empty otherwise
 */
public record HarmonizeJob(Path input, Integer volumeIndex, Path output, Path sidecar, List<String> sources) {

    public HarmonizeJob {
        sources = List.copyOf(sources);
    }

    public HarmonizeJob(Path input, Integer volumeIndex, Path output, Path sidecar) {
        this(input, volumeIndex, output, sidecar, List.of());
    }
}
