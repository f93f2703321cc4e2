package org.mrharmony.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mrharmony.eval.TissueLabel;
import org.mrharmony.volume.Volume;

class TemplateAnatomyTest {

    private static final Path TEMPLATES = Path.of("/usr/share/mricron/templates");
    private static final Path CH2 = TEMPLATES.resolve("ch2.nii.gz");
    private static final Path CH2_BET = TEMPLATES.resolve("ch2bet.nii.gz");

    @Test
    void colin27WithItsBrainExtractionSegmentsIntoPlausibleTissueVolumes() throws IOException {
        assumeTrue(Files.exists(CH2) && Files.exists(CH2_BET), "Colin27 (mricron templates) not installed");
        Anatomy a = TemplateAnatomy.load(CH2, CH2_BET, 64);
        Volume labels = a.labels();
        // ch2 is 181 x 217 x 181 mm: the grid holds its longest side.
        assertThat(labels.voxelSizes()[0]).isCloseTo(217.0 / 64, Offset.offset(1e-9));
        int[] counts = BrainPhantomTest.labelCounts(labels);
        double voxelMl = Math.pow(217.0 / 64, 3) / 1000;
        double gm = counts[TissueLabel.GM] * voxelMl;
        double wm = counts[TissueLabel.WM] * voxelMl;
        double csf = counts[TissueLabel.CSF] * voxelMl;
        // An adult brain: roughly 1.0-1.6 l of GM + WM, GM/WM about 0.8-1.8, CSF a minority.
        assertThat(gm + wm).isBetween(900.0, 1700.0);
        assertThat(gm / wm).isBetween(0.7, 2.0);
        assertThat(csf).isLessThan(gm).isLessThan(wm);
        // The texture keeps the template's detail: not flat within tissue, around 1 on average.
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (TissueLabel.of(labels.data()[i]) == TissueLabel.WM) {
                double t = a.texture().data()[i];
                sum += t;
                sumSq += t * t;
                n++;
            }
        }
        double mean = sum / n;
        assertThat(mean).isCloseTo(1.0, Offset.offset(0.05));
        assertThat(Math.sqrt(sumSq / n - mean * mean)).isGreaterThan(0.01);
        // Outside the brain the scalp is there (relative to WM), and air is dark.
        assertThat(a.texture().get(0, 0, 0)).isLessThan(0.05f);
    }

    @Test
    void withoutAMaskTheSkullIsStrippedAndTheTissueVolumesStayPlausible() throws IOException {
        assumeTrue(Files.exists(CH2), "Colin27 (mricron templates) not installed");
        int[] counts = BrainPhantomTest.labelCounts(TemplateAnatomy.load(CH2, null, 64).labels());
        double voxelMl = Math.pow(217.0 / 64, 3) / 1000;
        double gm = counts[TissueLabel.GM] * voxelMl;
        double wm = counts[TissueLabel.WM] * voxelMl;
        assertThat(gm + wm).isBetween(900.0, 1700.0);
        assertThat(gm / wm).isBetween(0.7, 2.0);
    }
}
