package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.data.BidsDataset;
import org.mrharmony.data.BidsScan;
import org.mrharmony.data.BidsTable;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.synth.CohortManifest;
import org.mrharmony.synth.SubjectParameters;
import org.mrharmony.volume.VolumeIO;

/** {@code synth --bids}: the cohort as a BIDS dataset, and {@code train} and {@code bids} on it. */
class SynthBidsTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun synth(Path out, String... extra) {
        return synth(out, 3, extra);
    }

    private static CliRun synth(Path out, int subjects, String... extra) {
        List<String> args = new ArrayList<>(List.of("synth", "--bids", "--out", out.toString(), "--size", "24",
            "--subjects", String.valueOf(subjects), "--seed", "5", "--test-fraction", "0.34"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void writesAValidBidsLayoutWithSitesAsSessionsAndTheTruthAsADerivative() throws IOException {
        Path sites = Files.writeString(dir.resolve("sites.json"), """
            [{"name": "oslo-1.5T", "description": "coil bias", "csfMean": 0.3, "gmMean": 0.65, "wmMean": 1.0,
              "gamma": 1.0, "scale": 700, "biasAmplitude": 0.2, "noiseSd": 0.05, "blurInPlaneMm": 0.5,
              "blurThroughPlaneMm": 3.0, "sliceAxis": 1},
             {"name": "siteB", "csfMean": 0.4, "gmMean": 0.7, "wmMean": 1.0, "gamma": 1.2, "scale": 900,
              "biasAmplitude": 0.0, "noiseSd": 0.02, "blurInPlaneMm": 0.0, "blurThroughPlaneMm": 0.0}]
            """);
        Path out = dir.resolve("cohort");
        CliRun r = synth(out, "--sites-config", sites.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 subjects x 2 sites (2 train, 1 test)").contains("(BIDS)");

        List<String> expected = new ArrayList<>(List.of("README", "dataset_description.json", "participants.json",
            "participants.tsv"));
        String truth = "derivatives/mrharmony-truth/";
        expected.addAll(List.of(truth + "cohort.json", truth + "dataset_description.json", truth + "dseg.tsv"));
        for (String s : List.of("01", "02", "03")) {
            expected.add(truth + "sub-" + s + "/anat/sub-" + s + "_dseg.nii.gz");
            expected.add("sub-" + s + "/sub-" + s + "_sessions.tsv");
            expected.add("sub-" + s + "/sub-" + s + "_sessions.json");
            for (String ses : List.of("oslo15T", "siteB")) {
                String stem = "sub-" + s + "/ses-" + ses + "/anat/sub-" + s + "_ses-" + ses + "_T1w";
                expected.add(stem + ".json");
                expected.add(stem + ".nii.gz");
            }
        }
        assertThat(filesUnder(out)).containsExactlyInAnyOrderElementsOf(expected);

        JsonNode description = JSON.readTree(out.resolve("dataset_description.json").toFile());
        assertThat(description.path("Name").asText()).isNotBlank();
        assertThat(description.path("BIDSVersion").asText()).isEqualTo(BidsDataset.BIDS_VERSION);
        assertThat(description.path("DatasetType").asText()).isEqualTo("raw");
        assertThat(description.path("GeneratedBy").path(0).path("Name").asText()).isEqualTo("mrharmony");
        assertThat(description.path("GeneratedBy").path(0).path("Version").asText()).isEqualTo(VersionProvider.version());
        JsonNode truthDescription = JSON.readTree(out.resolve(truth + "dataset_description.json").toFile());
        assertThat(truthDescription.path("DatasetType").asText()).isEqualTo("derivative");
        // BIDS: the first GeneratedBy name must be part of the derivative folder's name.
        assertThat("mrharmony-truth").contains(truthDescription.path("GeneratedBy").path(0).path("Name").asText());

        // The split and the site names (which a session label cannot hold) are recorded.
        CohortManifest manifest = CohortManifest.read(out.resolve(truth + "cohort.json"));
        BidsTable participants = BidsTable.read(out.resolve("participants.tsv"));
        for (SubjectParameters s : manifest.subjects()) {
            assertThat(participants.value(s.id(), "split")).contains(s.split());
            BidsTable sessions = BidsTable.read(out.resolve(s.id()).resolve(s.id() + "_sessions.tsv"));
            assertThat(sessions.value("ses-oslo15T", "site")).contains("oslo-1.5T");
            assertThat(sessions.value("ses-siteB", "site")).contains("siteB");
        }
        assertThat(participants.hasColumn("site")).as("BIDS: sessions.tsv columns differ from participants.tsv").isFalse();
        JsonNode sidecar = JSON.readTree(out.resolve("sub-02/ses-oslo15T/anat/sub-02_ses-oslo15T_T1w.json").toFile());
        assertThat(sidecar.path("StationName").asText()).isEqualTo("oslo-1.5T");
        assertThat(sidecar.path("SliceEncodingDirection").asText()).isEqualTo("j");
        assertThat(Files.readString(out.resolve("README"))).contains("ses-oslo15T | oslo-1.5T");

        // Scans and truth share a grid; the truth has the four labels.
        BidsScan scan = BidsDataset.open(out).scans().get(0);
        assertThat(scan.subject()).isEqualTo("01");
        assertThat(VolumeIO.read(scan.file()).volume()
            .sameGridAs(VolumeIO.read(out.resolve(truth + "sub-01/anat/sub-01_dseg.nii.gz")).volume())).isTrue();

        CliRun again = synth(out, "--sites-config", sites.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a cohort (dataset_description.json)").contains("--force");
    }

    @Test
    void theSameSeedGivesTheSameBidsBytes() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(synth(a, "--sites", "2", "--threads", "1").exit()).isZero();
        assertThat(synth(b, "--sites", "2", "--threads", "2").exit()).isZero();
        List<String> files = filesUnder(a);
        assertThat(filesUnder(b)).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    @Test
    void trainOnTheBidsCohortThenHarmonizeEveryT1wWithTheBidsApp() throws IOException {
        Path cohort = dir.resolve("cohort");
        assertThat(synth(cohort, 2, "--sites", "2").exit()).isZero();
        Path model = dir.resolve("model");
        CliRun train = CliRun.of("train", "--data", cohort.toString(), "--site-column", "site", "--out",
            model.toString(), "--preset", "tiny", "--steps", "1", "--batch", "2", "--quiet");
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(ModelDirectory.readInfo(model).siteNames()).containsExactly("siteA", "siteB");

        Path derivatives = dir.resolve("harmonized");
        CliRun bids = CliRun.of("bids", cohort.toString(), derivatives.toString(), "participant", "--model",
            model.toString(), "--target", "siteB", "--batch", "64");
        assertThat(bids.exit()).as(bids.err()).isZero();
        List<String> images = filesUnder(derivatives).stream().filter(f -> f.endsWith(".nii.gz")).toList();
        List<String> expected = new ArrayList<>();
        for (BidsScan scan : BidsDataset.open(cohort).scans()) {
            expected.add(scan.relativeFolder().resolve(scan.derivativeName("harmonized", ".nii.gz")).toString());
        }
        assertThat(expected).hasSize(4);
        assertThat(images).containsExactlyInAnyOrderElementsOf(expected)
            .contains("sub-02/ses-siteA/anat/sub-02_ses-siteA_desc-harmonized_T1w.nii.gz");
    }
}
