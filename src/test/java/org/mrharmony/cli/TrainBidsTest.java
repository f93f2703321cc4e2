package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.data.TinySites;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.volume.VolumeIO;

/** {@code train --data BIDS_DIR --site-column COLUMN}: sites from participants.tsv and sessions tables. */
class TrainBidsTest {

    @TempDir
    Path dir;

    private Path scan(Path root, String relative, int site, long seed) throws IOException {
        Path f = root.resolve(relative);
        Files.createDirectories(f.getParent());
        VolumeIO.write(f, TinySites.head(40, 10, site, seed));
        return f;
    }

    /**
     * sub-01 (alpha) and sub-02 (beta) by participants.tsv; sub-03 is beta there too, but its
     * sessions table puts ses-1 at alpha and leaves ses-2 n/a (so beta). A T2w must be left out.
     */
    private Path dataset() throws IOException {
        Path root = dir.resolve("bids");
        scan(root, "sub-01/anat/sub-01_T1w.nii.gz", 0, 1);
        scan(root, "sub-02/anat/sub-02_T1w.nii.gz", 1, 2);
        scan(root, "sub-03/ses-1/anat/sub-03_ses-1_T1w.nii.gz", 0, 3);
        scan(root, "sub-03/ses-2/anat/sub-03_ses-2_T1w.nii.gz", 1, 4);
        scan(root, "sub-03/ses-2/anat/sub-03_ses-2_T2w.nii.gz", 1, 5);
        Files.writeString(root.resolve("dataset_description.json"), "{\"Name\": \"t\", \"BIDSVersion\": \"1.9.0\"}");
        Files.writeString(root.resolve("participants.tsv"),
            "participant_id\tage\tsite\nsub-01\t30\talpha\nsub-02\t40\tbeta\nsub-03\t50\tbeta\n");
        Files.writeString(root.resolve("sub-03/sub-03_sessions.tsv"), "session_id\tsite\nses-1\talpha\nses-2\tn/a\n");
        return root;
    }

    private static BidsSelection all() {
        BidsSelection s = new BidsSelection();
        s.suffix = "T1w";
        return s;
    }

    @Test
    void sitesComeFromTheSessionsTableFirstThenFromParticipants() throws IOException {
        Path root = dataset();
        SiteDataset ds = TrainingData.open(root, "site", all());
        assertThat(ds.sites()).containsExactly("alpha", "beta");
        assertThat(ds.train()).containsExactly(
            Map.entry("alpha", List.of(root.resolve("sub-01/anat/sub-01_T1w.nii.gz"),
                root.resolve("sub-03/ses-1/anat/sub-03_ses-1_T1w.nii.gz"))),
            Map.entry("beta", List.of(root.resolve("sub-02/anat/sub-02_T1w.nii.gz"),
                root.resolve("sub-03/ses-2/anat/sub-03_ses-2_T1w.nii.gz"))));
        assertThat(ds.cohort()).isFalse();

        BidsSelection some = all();
        some.participants = List.of("sub-01", "03");
        assertThat(TrainingData.open(root, "site", some).train().get("beta"))
            .containsExactly(root.resolve("sub-03/ses-2/anat/sub-03_ses-2_T1w.nii.gz"));
    }

    @Test
    void trainsATinyModelOnTheDataset() throws IOException {
        Path root = dataset();
        Path model = dir.resolve("model");
        CliRun r = CliRun.of("train", "--data", root.toString(), "--site-column", "site", "--out", model.toString(),
            "--preset", "tiny", "--steps", "1", "--batch", "2", "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("2 sites [alpha, beta]");
        assertThat(ModelDirectory.readInfo(model).siteNames()).containsExactly("alpha", "beta");
        assertThat(ModelDirectory.readInfo(model).step()).isEqualTo(1);
    }

    private static String errorOf(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.errorLines()).hasSize(1);
        return r.errorLines().get(0);
    }

    @Test
    void badSiteColumnsAndFoldersAreOneLineErrors() throws Exception {
        Path root = dataset();
        String out = dir.resolve("m").toString();
        assertThat(errorOf("train", "--data", root.toString(), "--site-column", "scanner", "--out", out))
            .contains("no column 'scanner'").contains("participant_id, age, site").contains("session_id, site");
        assertThat(errorOf("train", "--data", root.toString(), "--out", out))
            .contains("is a BIDS dataset").contains("--site-column");

        Path folders = TrainCommandTest.siteFolders(dir.resolve("folders"));
        assertThat(errorOf("train", "--data", folders.toString(), "--site-column", "site", "--out", out))
            .contains("--site-column is for BIDS datasets").contains("dataset_description.json");
        assertThat(errorOf("train", "--data", folders.toString(), "--participant-label", "01", "--out", out))
            .contains("--participant-label");

        Files.writeString(root.resolve("participants.tsv"),
            "participant_id\tage\tsite\nsub-01\t30\talpha\nsub-02\t40\t\nsub-03\t50\tbeta\n");
        assertThat(errorOf("train", "--data", root.toString(), "--site-column", "site", "--out", out))
            .contains("sub-02_T1w.nii.gz").contains("no site for this scan");

        Files.writeString(root.resolve("participants.tsv"),
            "participant_id\tage\tsite\nsub-01\t30\talpha\nsub-02\t40\talpha\nsub-03\t50\talpha\n");
        assertThat(errorOf("train", "--data", root.toString(), "--site-column", "site", "--out", out))
            .contains("names 1 site [alpha]").contains("at least 2 sites");
        assertThat(dir.resolve("m")).doesNotExist();
    }
}
