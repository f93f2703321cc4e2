package org.mrharmony.harmonize;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mrharmony.io.AtomicFiles;

/**
 * The JSON written beside each harmonized volume: how it was made, enough to make it again.
 * {@code Description} and {@code Sources} are the BIDS derivative sidecar fields; the rest are
 * mrharmony's. Fields that do not apply (the style for a baseline method, a 3D input's volume
 * index, Sources outside BIDS) are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HarmonizeSidecar(
        @JsonProperty("Description") String description,
        @JsonProperty("Sources") List<String> sources,
        @JsonProperty("mrharmony_version") String version,
        @JsonProperty("model_dir") String modelDir,
        @JsonProperty("model_step") long modelStep,
        @JsonProperty("target") String target,
        @JsonProperty("method") String method,
        @JsonProperty("style") String style,
        @JsonProperty("style_reference") String styleReference,
        @JsonProperty("style_latent_seed") Long styleLatentSeed,
        @JsonProperty("restack") String restack,
        @JsonProperty("intensity_map") String intensityMap,
        @JsonProperty("device") String device,
        @JsonProperty("input") String input,
        @JsonProperty("volume_index") Integer volumeIndex,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("date") String date) {

    /** Writes the sidecar atomically (temp file in the same folder, then rename). */
    public void write(Path file) throws IOException {
        AtomicFiles.writeBytes(file, ModelDirectory.JSON.writeValueAsBytes(this));
    }
}
