package org.mrharmony.harmonize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.nifti.NiftiDataType;
import org.mrharmony.nifti.NiftiHeader;
import org.mrharmony.nifti.NiftiWriter;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

class OutputPlanTest {

    @TempDir
    Path dir;

    private Path volume(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        VolumeIO.write(file, new Volume(3, 3, 3, Affine.identity()));
        return file;
    }

    @Test
    void stemsDropEveryNiftiExtensionOnly() {
        assertThat(OutputPlan.stem(Path.of("a/sub-01_T1w.nii.gz"))).isEqualTo("sub-01_T1w");
        assertThat(OutputPlan.stem(Path.of("b.NII"))).isEqualTo("b");
        assertThat(OutputPlan.stem(Path.of("c.hdr"))).isEqualTo("c");
        assertThat(OutputPlan.stem(Path.of("d.v2.nii"))).isEqualTo("d.v2");
    }

    @Test
    void foldersExpandToTheirNiftiFilesSorted() throws IOException {
        Path b = volume(dir.resolve("in/b.nii.gz"));
        Path a = volume(dir.resolve("in/a.nii"));
        Files.writeString(dir.resolve("in/notes.txt"), "x");
        Path c = volume(dir.resolve("c.nii.gz"));
        assertThat(OutputPlan.expandInputs(List.of(dir.resolve("in"), c))).containsExactly(a, b, c);
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> OutputPlan.expandInputs(List.of(dir.resolve("empty"))))
            .hasMessageContaining("empty").hasMessageContaining("no .nii or .nii.gz");
        assertThatThrownBy(() -> OutputPlan.expandInputs(List.of(dir.resolve("missing.nii"))))
            .hasMessageContaining("missing.nii: no such file");
    }

    @Test
    void flatPlanNamesOutputsAfterInputs() {
        List<HarmonizeJob> jobs = OutputPlan.flat(List.of(Path.of("x/s1.nii")), dir, "_h", 2);
        assertThat(jobs).containsExactly(new HarmonizeJob(Path.of("x/s1.nii"), 2, dir.resolve("s1_h.nii.gz"),
            dir.resolve("s1_h.json")));
    }

    @Test
    void refusesToWriteOverAnInputEvenWithOverwrite() throws IOException {
        Path in = volume(dir.resolve("scan.nii.gz"));
        List<HarmonizeJob> jobs = OutputPlan.flat(List.of(in), dir, "", null);
        assertThatThrownBy(() -> OutputPlan.check(jobs, List.of(), true))
            .hasMessageStartingWith(in.toString()).hasMessageContaining("refusing to write over the input");
        Path ref = volume(dir.resolve("out/other_h.nii.gz"));
        List<HarmonizeJob> overRef = OutputPlan.flat(List.of(dir.resolve("other.nii")), dir.resolve("out"), "_h", null);
        assertThatThrownBy(() -> OutputPlan.check(overRef, List.of(ref), true))
            .hasMessageContaining("refusing to write over the input " + ref);
    }

    @Test
    void refusesExistingOutputsUnlessOverwriteAndCollisionsAlways() throws IOException {
        Path in = volume(dir.resolve("a/scan.nii.gz"));
        Path twin = volume(dir.resolve("b/scan.nii"));
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> OutputPlan.check(OutputPlan.flat(List.of(in, twin), out, "_h", null), List.of(), true))
            .hasMessageContaining("would both be written here");
        List<HarmonizeJob> jobs = OutputPlan.flat(List.of(in), out, "_h", null);
        OutputPlan.check(jobs, List.of(), false);
        Files.createDirectories(out);
        Files.writeString(out.resolve("scan_h.json"), "{}");
        assertThatThrownBy(() -> OutputPlan.check(jobs, List.of(), false))
            .hasMessageStartingWith(out.resolve("scan_h.json").toString()).hasMessageContaining("--overwrite");
        OutputPlan.check(jobs, List.of(), true);
    }

    @Test
    void inputCheckRefusesTwoDAndUnchosenFourD() throws IOException {
        Path flat = dir.resolve("flat.nii");
        NiftiWriter.write(flat, NiftiHeader.forVolume(4, 5, 1, new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}}),
            4, 5, 1, new float[20], NiftiDataType.FLOAT32);
        assertThatThrownBy(() -> InputCheck.check(flat, null)).hasMessageStartingWith(flat.toString())
            .hasMessageContaining("not a 3D volume (4x5x1)");
        Path text = dir.resolve("text.nii.gz");
        Files.writeString(text, "hello, not an image");
        assertThatThrownBy(() -> InputCheck.check(text, null)).hasMessageStartingWith(text.toString());
        Path three = volume(dir.resolve("three.nii.gz"));
        assertThat(InputCheck.check(three, null).volumeCount()).isEqualTo(1);
        assertThatThrownBy(() -> InputCheck.check(three, 1)).hasMessageContaining("--volume-index 1 is out of range");
    }
}
