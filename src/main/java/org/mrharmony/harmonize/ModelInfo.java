package org.mrharmony.harmonize;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.mrharmony.data.InputStandard;

/**
 * The self-description of a model directory ({@value ModelDirectory#INFO_FILE}): everything a
 * harmonizer needs besides the weights, plus the full training configuration for reproducibility.
 *
 * @param formatVersion  {@link ModelDirectory#FORMAT_VERSION}
 * @param projectVersion mrharmony version that wrote it
 * @param sites          the sites, in domain-index order
 * @param sliceAxis      axis of the canonical (RAS) volume the 2.5D stacks were cut along (2 = axial)
 * @param channels       slices per stack (the networks' input channels)
 * @param clipPercentile intensity clipping percentile used in preprocessing
 * @param step           training iterations completed
 * @param training       the training configuration as written by {@code train} (kept opaque here)
 * @param inputStandard  the pooled Nyúl–Udupa scale every scan is mapped onto before the
 *                       networks see it ({@code "standardize": "nyul"}); null (absent, as in a
 *                       model.json written before the option existed) when scans go in as they are
 */
public record ModelInfo(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("project_version") String projectVersion,
        @JsonProperty("sites") List<SiteInfo> sites,
        @JsonProperty("slice_axis") int sliceAxis,
        @JsonProperty("channels") int channels,
        @JsonProperty("clip_percentile") double clipPercentile,
        @JsonProperty("step") long step,
        @JsonProperty("training") JsonNode training,
        @JsonProperty("input_standard") @JsonInclude(JsonInclude.Include.NON_NULL)
        SiteBaselines.NyulFit inputStandard) {

    @JsonCreator
    public ModelInfo {
        sites = List.copyOf(sites);
    }

    /** A model whose networks take scans as they are (no input standard). */
    public ModelInfo(int formatVersion, String projectVersion, List<SiteInfo> sites, int sliceAxis, int channels,
                     double clipPercentile, long step, JsonNode training) {
        this(formatVersion, projectVersion, sites, sliceAxis, channels, clipPercentile, step, training, null);
    }

    /** What every scan goes through before the network normalisation: the input standard, or none. */
    public InputStandard standard() {
        return inputStandard == null ? InputStandard.NONE : inputStandard;
    }

    public Optional<SiteInfo> site(String name) {
        return sites.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> siteNames() {
        return sites.stream().map(SiteInfo::name).toList();
    }

    public ModelInfo withStep(long newStep, List<SiteInfo> newSites) {
        return new ModelInfo(formatVersion, projectVersion, newSites, sliceAxis, channels, clipPercentile, newStep,
            training, inputStandard);
    }
}
