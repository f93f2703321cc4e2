package org.mrharmony.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BidsDatasetTest {

    @TempDir
    Path root;

    private Path touch(String relative) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {0});
        return p;
    }

    /** sub-01 without sessions (two runs), sub-02 with two sessions, sub-03 with a T2w only. */
    private void layout() throws IOException {
        touch("sub-01/anat/sub-01_run-1_T1w.nii.gz");
        touch("sub-01/anat/sub-01_run-2_T1w.nii.gz");
        touch("sub-01/anat/sub-01_run-1_T1w.json");
        touch("sub-02/ses-a/anat/sub-02_ses-a_acq-mprage_T1w.nii");
        touch("sub-02/ses-b/anat/sub-02_ses-b_T1w.nii.gz");
        touch("sub-02/ses-b/func/sub-02_ses-b_task-rest_bold.nii.gz");
        touch("sub-03/anat/sub-03_T2w.nii.gz");
        Files.createDirectories(root.resolve("derivatives/sub-09/anat"));
    }

    @Test
    void listsT1wImagesWithTheirEntities() throws IOException {
        layout();
        BidsDataset ds = BidsDataset.open(root);
        assertThat(ds.participants()).containsExactly("01", "02", "03");
        List<BidsScan> scans = ds.scans();
        assertThat(scans).extracting(s -> root.relativize(s.file()).toString()).containsExactly(
            "sub-01/anat/sub-01_run-1_T1w.nii.gz", "sub-01/anat/sub-01_run-2_T1w.nii.gz",
            "sub-02/ses-a/anat/sub-02_ses-a_acq-mprage_T1w.nii", "sub-02/ses-b/anat/sub-02_ses-b_T1w.nii.gz");
        BidsScan mprage = scans.get(2);
        assertThat(mprage.subject()).isEqualTo("02");
        assertThat(mprage.session()).isEqualTo("a");
        assertThat(mprage.entities()).containsExactly(Map.entry("sub", "02"), Map.entry("ses", "a"),
            Map.entry("acq", "mprage"));
        assertThat(mprage.relativePath()).isEqualTo("sub-02/ses-a/anat/sub-02_ses-a_acq-mprage_T1w.nii");
        assertThat(scans.get(0).session()).isNull();
    }

    @Test
    void derivativeNamesInsertDescBeforeTheSuffixAndReplaceAnOldDesc() {
        BidsScan scan = BidsDataset.parse(Path.of("sub-01_ses-2_acq-fast_run-3_T1w.nii.gz")).orElseThrow();
        assertThat(scan.derivativeName("harmonized", ".nii.gz"))
            .isEqualTo("sub-01_ses-2_acq-fast_run-3_desc-harmonized_T1w.nii.gz");
        BidsScan described = BidsDataset.parse(Path.of("sub-01_desc-preproc_T1w.nii")).orElseThrow();
        assertThat(described.derivativeName("harmonized", ".json")).isEqualTo("sub-01_desc-harmonized_T1w.json");
        assertThat(BidsDataset.parse(Path.of("sub-01_T1w.json"))).isEmpty();
        assertThat(BidsDataset.parse(Path.of("notbids.nii.gz"))).isEmpty();
        assertThat(BidsDataset.parse(Path.of("sub-01_broken_T1w.nii.gz"))).isEmpty();
    }

    @Test
    void filtersByParticipantAndSessionWithOrWithoutPrefixes() throws IOException {
        layout();
        BidsDataset ds = BidsDataset.open(root);
        assertThat(ds.scans("T1w", List.of("sub-02"), List.of("b"))).extracting(BidsScan::session).containsExactly("b");
        assertThat(ds.scans("T1w", List.of("01"), List.of())).hasSize(2);
        assertThat(ds.scans("T2w", List.of(), List.of())).extracting(BidsScan::subject).containsExactly("03");
        assertThatThrownBy(() -> ds.scans("T1w", List.of("07"), List.of()))
            .hasMessageContaining("no participant sub-07").hasMessageContaining("01, 02, 03");
        assertThatThrownBy(() -> ds.scans("T1w", List.of("02"), List.of("c")))
            .hasMessageContaining("no session ses-c").hasMessageContaining("a, b");
        assertThatThrownBy(() -> ds.scans("FLAIR", List.of(), List.of())).hasMessageContaining("no FLAIR images");
    }

    @Test
    void refusesFoldersThatAreNotDatasetsAndMisfiledScans() throws IOException {
        assertThatThrownBy(() -> BidsDataset.open(root)).hasMessageContaining("no sub-* folders");
        assertThatThrownBy(() -> BidsDataset.open(root.resolve("nope"))).hasMessageContaining("not a folder");
        touch("sub-01/anat/sub-02_T1w.nii.gz");
        BidsDataset ds = BidsDataset.open(root);
        assertThatThrownBy(ds::scans).hasMessageContaining("file name says sub-02")
            .hasMessageContaining("folder of sub-01");
    }

    @Test
    void sitesComeFromSessionsTablesFirstThenParticipants() throws IOException {
        layout();
        Files.writeString(root.resolve("participants.tsv"), "participant_id\tage\tscanner\nsub-01\t30\tsiteA\n"
            + "sub-02\t40\tsiteB\nsub-03\t50\tn/a\n");
        Files.writeString(root.resolve("sub-02/sub-02_sessions.tsv"), "session_id\tscanner\nses-a\tsiteC\nses-b\tn/a\n");
        BidsDataset ds = BidsDataset.open(root);
        Map<String, List<Path>> bySite = ds.bySite("scanner");
        assertThat(bySite.keySet()).containsExactly("siteA", "siteB", "siteC");
        assertThat(bySite.get("siteA")).hasSize(2);
        assertThat(bySite.get("siteC")).containsExactly(root.resolve("sub-02/ses-a/anat/sub-02_ses-a_acq-mprage_T1w.nii"));
        // ses-b has n/a in its sessions table, so the participant's value counts.
        assertThat(bySite.get("siteB")).containsExactly(root.resolve("sub-02/ses-b/anat/sub-02_ses-b_T1w.nii.gz"));
    }

    @Test
    void missingColumnAndMissingValueAreClearErrors() throws IOException {
        layout();
        Files.writeString(root.resolve("participants.tsv"), "participant_id\tsite\nsub-01\tA\n");
        BidsDataset ds = BidsDataset.open(root);
        assertThatThrownBy(() -> ds.bySite("scanner")).hasMessageContaining("no column 'scanner'")
            .hasMessageContaining("participants.tsv has: participant_id, site")
            .hasMessageContaining("no sub-<label>_sessions.tsv");
        assertThatThrownBy(() -> ds.bySite("site")).hasMessageContaining("sub-02_ses-a_acq-mprage_T1w.nii")
            .hasMessageContaining("no site for this scan").hasMessageContaining("sub-02 ses-a");
        Files.delete(root.resolve("participants.tsv"));
        Files.writeString(root.resolve("sub-02/sub-02_sessions.tsv"), "session_id\tacq_time\nses-a\t2020\n");
        assertThatThrownBy(() -> BidsDataset.open(root).bySite("site")).hasMessageContaining("no column 'site'")
            .hasMessageContaining("no participants.tsv")
            .hasMessageContaining("sub-<label>_sessions.tsv files (1) have: session_id, acq_time");
        Files.writeString(root.resolve("participants.tsv"), "participant_id\tsite\nsub-01\tA\tB\n");
        assertThatThrownBy(() -> BidsDataset.open(root).bySite("site")).hasMessageContaining("line 2 has 3 values");
    }
}
