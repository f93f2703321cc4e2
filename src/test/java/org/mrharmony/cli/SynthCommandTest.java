package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.eval.TissueLabel;
import org.mrharmony.nifti.NiftiDataType;
import org.mrharmony.nifti.NiftiReader;
import org.mrharmony.synth.CohortManifest;
import org.mrharmony.synth.SiteParameters;
import org.mrharmony.synth.SubjectParameters;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

class SynthCommandTest {

    @TempDir
    Path dir;

    private static CliRun small(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("synth", "--out", out.toString(), "--size", "24",
            "--subjects", "3", "--sites", "2"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void writesEveryScanEveryLabelMapAndTheManifest() throws IOException {
        Path out = dir.resolve("cohort");
        CliRun r = small(out, "--seed", "5", "--test-fraction", "0.34");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 subjects x 2 sites (2 train, 1 test)");

        assertThat(filesUnder(out)).extracting(Path::toString).containsExactly(
            "cohort.json",
            "siteA/sub-01.nii.gz", "siteA/sub-02.nii.gz", "siteA/sub-03.nii.gz",
            "siteB/sub-01.nii.gz", "siteB/sub-02.nii.gz", "siteB/sub-03.nii.gz",
            "truth/sub-01_labels.nii.gz", "truth/sub-02_labels.nii.gz", "truth/sub-03_labels.nii.gz");

        CohortManifest m = CohortManifest.read(out);
        assertThat(m.seed()).isEqualTo(5);
        assertThat(m.anatomy()).isEqualTo(CohortManifest.PHANTOM);
        assertThat(m.anatomyMask()).isNull();
        assertThat(m.size()).isEqualTo(24);
        assertThat(m.voxelSizeMm()).containsExactly(8.0, 8.0, 8.0);
        assertThat(m.sites()).isEqualTo(SiteParameters.defaults(2));
        assertThat(m.subjects()).extracting(SubjectParameters::id).containsExactly("sub-01", "sub-02", "sub-03");
        assertThat(m.subjectIds(SubjectParameters.TEST)).hasSize(1);
        assertThat(m.subjects().get(0).deformationRmsMm()).isZero();
        assertThat(m.subjects().get(0).thinnedVoxels()).isZero();
        // the others differ from the base anatomy by a deformation and by cortical thinning, recorded per subject
        for (SubjectParameters s : m.subjects().subList(1, 3)) {
            assertThat(s.deformationRmsMm()).as(s.id()).isBetween(1.0, 2.0);
            assertThat(s.thinningFraction()).as(s.id()).isPositive();
        }
        float[] base = VolumeIO.read(out.resolve(CohortManifest.labelsPath("sub-01"))).volume().data();
        for (String id : List.of("sub-02", "sub-03")) {
            assertThat(VolumeIO.read(out.resolve(CohortManifest.labelsPath(id))).volume().data()).as(id)
                .isNotEqualTo(base);
        }

        Volume labels = VolumeIO.read(out.resolve(CohortManifest.labelsPath("sub-02"))).volume();
        Volume scan = VolumeIO.read(out.resolve(CohortManifest.scanPath("siteB", "sub-02"))).volume();
        assertThat(NiftiReader.read(out.resolve(CohortManifest.labelsPath("sub-02"))).header().datatype())
            .isEqualTo(NiftiDataType.UINT8);
        assertThat(NiftiReader.read(out.resolve(CohortManifest.scanPath("siteB", "sub-02"))).header().datatype())
            .isEqualTo(NiftiDataType.INT16);
        assertThat(scan.sameGridAs(labels)).isTrue();
        assertThat(scan.dims()).containsExactly(24, 24, 24);
        int[] counts = new int[4];
        for (float v : labels.data()) {
            counts[TissueLabel.of(v)]++;
            assertThat(v).isIn(0f, 1f, 2f, 3f);
        }
        assertThat(counts[TissueLabel.WM]).isPositive();
        assertThat(counts[TissueLabel.GM]).isPositive();
    }

    @Test
    void theManifestSurvivesARoundTrip() throws IOException {
        Path out = dir.resolve("c");
        assertThat(small(out).exit()).isZero();
        CohortManifest m = CohortManifest.read(out.resolve(CohortManifest.FILE_NAME));
        Path copy = Files.createDirectories(dir.resolve("copy"));
        m.write(copy);
        assertThat(CohortManifest.read(copy)).isEqualTo(m);
        assertThat(Files.readAllBytes(copy.resolve(CohortManifest.FILE_NAME)))
            .isEqualTo(Files.readAllBytes(out.resolve(CohortManifest.FILE_NAME)));
    }

    @Test
    void sameSeedGivesTheSameBytesWhateverTheThreadsAndAnotherSeedDoesNot() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        assertThat(small(a, "--seed", "9", "--threads", "1").exit()).isZero();
        assertThat(small(b, "--seed", "9", "--threads", "3").exit()).isZero();
        assertThat(small(c, "--seed", "10").exit()).isZero();
        List<Path> files = filesUnder(a);
        assertThat(filesUnder(b)).isEqualTo(files);
        for (Path f : files) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        assertThat(Files.readAllBytes(c.resolve("siteA/sub-02.nii.gz")))
            .isNotEqualTo(Files.readAllBytes(a.resolve("siteA/sub-02.nii.gz")));
    }

    @Test
    void aSitesConfigReplacesTheBuiltInSites() throws IOException {
        Path config = Files.writeString(dir.resolve("sites.json"), """
            {"sites": [{"name": "oslo-1.5T", "csfMean": 0.3, "gmMean": 0.65, "wmMean": 1.0, "gamma": 1.0,
                        "scale": 700, "biasAmplitude": 0.2, "noiseSd": 0.05, "blurInPlaneMm": 0.5,
                        "blurThroughPlaneMm": 3.0, "sliceAxis": 1}]}
            """);
        Path out = dir.resolve("c");
        CliRun r = CliRun.of("synth", "--out", out.toString(), "--size", "24", "--subjects", "2", "--sites-config",
            config.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        CohortManifest m = CohortManifest.read(out);
        assertThat(m.siteNames()).containsExactly("oslo-1.5T");
        assertThat(m.sites().get(0).sliceAxis()).isEqualTo(1);
        assertThat(out.resolve("oslo-1.5T/sub-02.nii.gz")).exists();
        assertThat(out.resolve("siteA")).doesNotExist();
    }

    @Test
    void aTemplateGivesTheAnatomyAndIsRecorded() throws IOException {
        Path ch2 = Path.of("/usr/share/mricron/templates/ch2.nii.gz");
        Path ch2bet = Path.of("/usr/share/mricron/templates/ch2bet.nii.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(ch2) && Files.exists(ch2bet),
            "Colin27 (mricron templates) not installed");
        Path out = dir.resolve("c");
        CliRun r = CliRun.of("synth", "--out", out.toString(), "--size", "32", "--subjects", "2", "--sites", "1",
            "--template", ch2.toString(), "--template-mask", ch2bet.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        CohortManifest m = CohortManifest.read(out);
        assertThat(m.anatomy()).isEqualTo(ch2.toString());
        assertThat(m.anatomyMask()).isEqualTo(ch2bet.toString());
        assertThat(m.voxelSizeMm()[0]).isEqualTo(217.0 / 32);
        assertThat(out.resolve(CohortManifest.scanPath("siteA", "sub-02"))).exists();
    }

    @Test
    void badInputIsOneLineNamingTheProblem() throws IOException {
        CliRun fraction = CliRun.of("synth", "--out", dir.resolve("x").toString(), "--test-fraction", "1.5");
        assertThat(fraction.exit()).isEqualTo(2);
        assertThat(fraction.err()).contains("--test-fraction").doesNotContain("Exception");

        CliRun missing = CliRun.of("synth", "--out", dir.resolve("y").toString(),
            "--sites-config", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json");

        CliRun both = CliRun.of("synth", "--out", dir.resolve("z").toString(),
            "--sites", "2", "--sites-config", "s.json");
        assertThat(both.exit()).isEqualTo(2);

        CliRun template = CliRun.of("synth", "--out", dir.resolve("t").toString(),
            "--template", dir.resolve("no.nii.gz").toString());
        assertThat(template.exit()).isEqualTo(2);
        assertThat(template.err()).contains("no.nii.gz").doesNotContain("Exception");
    }

    @Test
    void anExistingCohortIsKeptUnlessForced() throws IOException {
        Path out = dir.resolve("c");
        assertThat(small(out, "--seed", "1").exit()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("siteA/sub-01.nii.gz"));
        CliRun again = small(out, "--seed", "2");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a cohort").contains("--force");
        assertThat(Files.readAllBytes(out.resolve("siteA/sub-01.nii.gz"))).isEqualTo(before);
        assertThat(small(out, "--seed", "2", "--force").exit()).isZero();
        assertThat(CohortManifest.read(out).seed()).isEqualTo(2);
    }
}
