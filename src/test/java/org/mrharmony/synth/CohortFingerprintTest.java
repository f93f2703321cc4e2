package org.mrharmony.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cohort fingerprint says "same recipe" across folders and machines, and "different" for any other input. */
class CohortFingerprintTest {

    @TempDir
    Path tmp;

    private static List<SubjectParameters> subjects(double deformation) {
        return List.of(new SubjectParameters("sub-01", SubjectParameters.TRAIN, 11, deformation, 2 * deformation, 0.3, 120),
            new SubjectParameters("sub-02", SubjectParameters.TEST, -7, deformation, 3 * deformation, 0.2, 80));
    }

    private static CohortManifest manifest(long seed, int size, String anatomy, List<SiteParameters> sites,
                                           List<SubjectParameters> subjects) {
        return new CohortManifest(CohortManifest.FORMAT_VERSION, seed, anatomy, null, size,
            new double[] {1.5, 1.5, 1.5}, sites, subjects);
    }

    private String fingerprintOf(String folder, CohortManifest m) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        m.write(dir);
        return CohortFingerprint.of(dir);
    }

    @Test
    void sameRecipeInAnotherFolderWithOtherLastBitsOfTheMeasuredFiguresIsTheSameCohort() throws IOException {
        String a = fingerprintOf("a", manifest(1, 32, CohortManifest.PHANTOM, SiteParameters.defaults(), subjects(1.25)));
        // the measured figures come out of floating-point code: another machine may print other last digits
        String b = fingerprintOf("b", manifest(1, 32, CohortManifest.PHANTOM, SiteParameters.defaults(),
            subjects(Math.nextUp(1.25))));
        assertThat(a).matches("sha256:[0-9a-f]{64}").isEqualTo(b);
    }

    @Test
    void everyInputOfTheRecipeChangesIt() throws IOException {
        List<SiteParameters> sites = SiteParameters.defaults();
        String base = fingerprintOf("base", manifest(1, 32, CohortManifest.PHANTOM, sites, subjects(1)));
        List<SiteParameters> noisier = new ArrayList<>(sites);
        SiteParameters s = sites.get(1);
        noisier.set(1, new SiteParameters(s.name(), s.description(), s.csfMean(), s.gmMean(), s.wmMean(), s.gamma(),
            s.scale(), s.biasAmplitude(), s.biasSeed(), s.noiseSd() + 0.01, s.blurInPlaneMm(), s.blurThroughPlaneMm(),
            s.sliceAxis()));
        List<SubjectParameters> otherSplit = List.of(subjects(1).get(0),
            new SubjectParameters("sub-02", SubjectParameters.TRAIN, -7, 1, 3, 0.2, 80));
        assertThat(List.of(
            fingerprintOf("seed", manifest(2, 32, CohortManifest.PHANTOM, sites, subjects(1))),
            fingerprintOf("size", manifest(1, 48, CohortManifest.PHANTOM, sites, subjects(1))),
            fingerprintOf("site", manifest(1, 32, CohortManifest.PHANTOM, noisier, subjects(1))),
            fingerprintOf("split", manifest(1, 32, CohortManifest.PHANTOM, sites, otherSplit)),
            fingerprintOf("fewer", manifest(1, 32, CohortManifest.PHANTOM, sites, subjects(1).subList(0, 1)))))
            .doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void aTemplateCountsByItsContentNotItsPath() throws IOException {
        Path t1 = Files.write(tmp.resolve("t1.nii.gz"), new byte[] {1, 2, 3});
        Path t2 = Files.write(Files.createDirectories(tmp.resolve("elsewhere")).resolve("colin.nii.gz"),
            new byte[] {1, 2, 3});
        Path t3 = Files.write(tmp.resolve("t3.nii.gz"), new byte[] {1, 2, 4});
        List<SiteParameters> sites = SiteParameters.defaults();
        String a = fingerprintOf("a", manifest(1, 32, t1.toString(), sites, subjects(1)));
        assertThat(fingerprintOf("b", manifest(1, 32, t2.toString(), sites, subjects(1)))).isEqualTo(a);
        assertThat(fingerprintOf("c", manifest(1, 32, t3.toString(), sites, subjects(1)))).isNotEqualTo(a);
        assertThat(fingerprintOf("d", manifest(1, 32, CohortManifest.PHANTOM, sites, subjects(1)))).isNotEqualTo(a);
    }

    @Test
    void aCohortWhoseTemplateIsGoneCannotBeRecognised() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("moved"));
        manifest(1, 32, tmp.resolve("gone.nii.gz").toString(), SiteParameters.defaults(), subjects(1)).write(dir);
        assertThatThrownBy(() -> CohortFingerprint.of(dir)).isInstanceOf(IOException.class)
            .hasMessageContaining(dir.resolve("cohort.json").toString()).hasMessageContaining("gone.nii.gz");
    }

    @Test
    void describesTheCohortInWords() {
        assertThat(CohortFingerprint.describe(manifest(3, 48, "/x/ch2.nii.gz", SiteParameters.defaults(), subjects(1))))
            .isEqualTo("ch2.nii.gz, 2 subjects x 4 sites at 48^3, seed 3");
    }
}
