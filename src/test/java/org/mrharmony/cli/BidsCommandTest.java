package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.harmonize.HarmonizeTestData;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.VolumeIO;

class BidsCommandTest {

    @TempDir
    static Path shared;
    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeModel() throws IOException {
        model = HarmonizeTestData.writeModel(shared.resolve("model"), HarmonizeTestData.TINY_IDENTITY, 4);
    }

    private Path bids() throws IOException {
        Path root = dir.resolve("bids");
        String[] scans = {"sub-01/anat/sub-01_T1w.nii.gz", "sub-02/ses-1/anat/sub-02_ses-1_acq-fast_run-2_T1w.nii.gz",
            "sub-02/ses-2/anat/sub-02_ses-2_T1w.nii.gz"};
        int seed = 0;
        for (String s : scans) {
            Path f = root.resolve(s);
            Files.createDirectories(f.getParent());
            VolumeIO.write(f, HarmonizeTestData.head(15, 17, 13, Affine.diagonal(1, 1, 1.2), 1.0, seed++));
        }
        Files.writeString(root.resolve("dataset_description.json"), "{\"Name\": \"raw\", \"BIDSVersion\": \"1.9.0\"}");
        return root;
    }

    private static CliRun bids(String... args) {
        return CliRun.of(Stream.concat(Stream.of("bids"), Stream.concat(Stream.of(args), Stream.of("--batch", "64")))
            .toArray(String[]::new));
    }

    @Test
    void harmonizesEveryT1wIntoADerivativeDataset() throws IOException {
        Path root = bids();
        Path out = dir.resolve("derivatives/mrharmony");
        CliRun r = bids(root.toString(), out.toString(), "participant", "--model", model.toString(), "--target", "alpha");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> written;
        try (Stream<Path> all = Files.walk(out)) {
            written = all.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
        }
        assertThat(written).containsExactly(
            "dataset_description.json",
            "sub-01/anat/sub-01_desc-harmonized_T1w.json",
            "sub-01/anat/sub-01_desc-harmonized_T1w.nii.gz",
            "sub-02/ses-1/anat/sub-02_ses-1_acq-fast_run-2_desc-harmonized_T1w.json",
            "sub-02/ses-1/anat/sub-02_ses-1_acq-fast_run-2_desc-harmonized_T1w.nii.gz",
            "sub-02/ses-2/anat/sub-02_ses-2_desc-harmonized_T1w.json",
            "sub-02/ses-2/anat/sub-02_ses-2_desc-harmonized_T1w.nii.gz");

        JsonNode description = new ObjectMapper().readTree(out.resolve("dataset_description.json").toFile());
        assertThat(description.path("BIDSVersion").asText()).isNotEmpty();
        assertThat(description.path("DatasetType").asText()).isEqualTo("derivative");
        assertThat(description.path("GeneratedBy").path(0).path("Name").asText()).isEqualTo("mrharmony");
        assertThat(description.path("GeneratedBy").path(0).path("Version").asText()).isEqualTo(VersionProvider.version());
        String source = root.toAbsolutePath().normalize().toUri().toString();
        assertThat(description.path("SourceDatasets").path(0).path("URL").asText()).isEqualTo(source);
        assertThat(description.path("DatasetLinks").path("raw").asText()).isEqualTo(source);

        JsonNode sidecar = new ObjectMapper().readTree(
            out.resolve("sub-02/ses-1/anat/sub-02_ses-1_acq-fast_run-2_desc-harmonized_T1w.json").toFile());
        assertThat(sidecar.path("Sources").path(0).asText())
            .isEqualTo("bids:raw:sub-02/ses-1/anat/sub-02_ses-1_acq-fast_run-2_T1w.nii.gz");
        assertThat(sidecar.path("target").asText()).isEqualTo("alpha");
        assertThat(sidecar.path("Description").asText()).contains("alpha");
    }

    @Test
    void participantAndSessionLabelsChooseTheScans() throws IOException {
        Path root = bids();
        Path out = dir.resolve("out");
        CliRun r = bids(root.toString(), out.toString(), "participant", "--model", model.toString(), "--target", "beta",
            "--participant-label", "sub-02", "--session-label", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.filter(p -> p.toString().endsWith(".nii.gz")).map(p -> p.getFileName().toString()).toList())
                .containsExactly("sub-02_ses-2_desc-harmonized_T1w.nii.gz");
        }
        CliRun unknown = bids(root.toString(), out.toString(), "participant", "--model", model.toString(), "--target",
            "beta", "--participant-label", "09");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.errorLines()).singleElement().asString().contains("no participant sub-09");
    }

    @Test
    void groupLevelAndWritingIntoTheSourceAreRefused() throws IOException {
        Path root = bids();
        CliRun group = bids(root.toString(), dir.resolve("out").toString(), "group", "--model", model.toString(),
            "--target", "beta");
        assertThat(group.exit()).isEqualTo(2);
        assertThat(group.errorLines()).singleElement().asString().contains("only participant level is supported");
        assertThat(dir.resolve("out")).doesNotExist();

        CliRun into = bids(root.toString(), root.toString(), "participant", "--model", model.toString(), "--target", "beta");
        assertThat(into.exit()).isEqualTo(2);
        assertThat(into.errorLines()).singleElement().asString().contains("is the BIDS dataset itself");
        assertThat(Files.readString(root.resolve("dataset_description.json"))).contains("\"raw\"");

        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("dataset_description.json"), "{\"Name\": \"other\"}");
        CliRun other = bids(root.toString(), foreign.toString(), "participant", "--model", model.toString(), "--target",
            "beta");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.errorLines()).singleElement().asString().contains("describes another dataset");

        CliRun site = bids(root.toString(), dir.resolve("out").toString(), "participant", "--model", model.toString(),
            "--target", "delta");
        assertThat(site.exit()).isEqualTo(2);
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
