package org.mrharmony.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mrharmony.harmonize.ModelDirectory;

/**
 * {@value #FILE}: what a bundled model is and how it was made, beside its model directory
 * files. Written by {@code mrharmony model bundle}; every measured field comes from the model's
 * own files, the commands and machine from the person who ran them.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param name          the bundle's name (its folder under {@code models/})
 * @param preset        network preset (config.json)
 * @param seed          training seed (config.json)
 * @param steps         training steps the networks have seen (model.json)
 * @param hours         wall-clock hours of the training invocations up to that step (losses.csv), the
 *                      warm-start chain's included
 * @param sites         the sites, in the networks' order (model.json)
 * @param machine       where it was trained
 * @param trainCommands the exact commands that made the cohort and the model, in order
 * @param cohort        the training data
 * @param files         every file of the bundle (paths relative to it, {@code /}-separated) and its SHA-256
 * @param warmStart     the model this run started from ({@code train --init-from}), null when it
 *                      started from fresh networks
 */
public record PretrainedModel(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("name") String name,
        @JsonProperty("preset") String preset,
        @JsonProperty("seed") long seed,
        @JsonProperty("steps") long steps,
        @JsonProperty("hours") double hours,
        @JsonProperty("sites") List<String> sites,
        @JsonProperty("machine") String machine,
        @JsonProperty("train_commands") List<String> trainCommands,
        @JsonProperty("cohort") Cohort cohort,
        @JsonProperty("files") Map<String, String> files,
        @JsonProperty("warm_start") WarmStartOrigin warmStart) {

    public static final String FILE = "pretrained.json";
    public static final int FORMAT_VERSION = 1;

    /**
     * @param fingerprint   {@link org.mrharmony.synth.CohortFingerprint}: equal means the same cohort recipe
     * @param description   e.g. "ch2.nii.gz, 8 subjects x 4 sites at 128^3, seed 1"
     * @param anatomy       the template file (or {@code phantom}) as cohort.json names it
     * @param anatomySha256 SHA-256 of that file (null for the phantom)
     * @param subjects      subjects in the cohort
     * @param size          grid size
     * @param seed          the cohort's seed
     */
    public record Cohort(
            @JsonProperty("fingerprint") String fingerprint,
            @JsonProperty("description") String description,
            @JsonProperty("anatomy") String anatomy,
            @JsonProperty("anatomy_sha256") String anatomySha256,
            @JsonProperty("subjects") int subjects,
            @JsonProperty("size") int size,
            @JsonProperty("seed") long seed) {
    }

    /**
     * Where a warm-started run's networks came from: the steps and hours already in them (the
     * source's own warm starts included), so {@code hours} is the whole training time.
     *
     * @param source the source model's folder when it was bundled (on the machine that trained it)
     * @param steps  training steps already in the source's networks at the warm start (its own
     *               warm start's included)
     * @param hours  wall-clock hours of training behind those steps
     */
    public record WarmStartOrigin(
            @JsonProperty("source") String source,
            @JsonProperty("steps") long steps,
            @JsonProperty("hours") double hours) {
    }

    public PretrainedModel {
        sites = List.copyOf(sites);
        trainCommands = List.copyOf(trainCommands);
        // sorted, so pretrained.json lists the files in a stable order
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    static PretrainedModel read(InputStream in, String where) throws IOException {
        PretrainedModel p;
        try {
            p = ModelDirectory.JSON.readValue(in, PretrainedModel.class);
        } catch (JsonProcessingException e) {
            throw new IOException(where + ": damaged " + FILE + ": "
                + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (p.formatVersion() != FORMAT_VERSION) {
            throw new IOException(where + ": " + FILE + " format version " + p.formatVersion()
                + " is not supported (expects " + FORMAT_VERSION + ")");
        }
        return p;
    }

    /** "colin27-cpu (3500 steps, 1.7 h of training)", or with a warm start "(4000 steps after 11000 ...)". */
    String summary() {
        String after = warmStart == null ? "" : String.format(Locale.ROOT, " after %d warm-start steps", warmStart.steps());
        return String.format(Locale.ROOT, "%s (%d steps%s, %.1f h of training)", name, steps, after, hours);
    }
}
