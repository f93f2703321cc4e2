package org.mrharmony.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mrharmony.eval.TissueLabel;
import org.mrharmony.volume.Grid;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Resample;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

class BrainMaskEstimatorTest {

    private static final Path CH2 = Path.of("/usr/share/mricron/templates/ch2.nii.gz");
    private static final Path CH2_BET = Path.of("/usr/share/mricron/templates/ch2bet.nii.gz");

    @Test
    void stripsAScannedPhantomToItsBrainTissue() {
        Anatomy phantom = BrainPhantom.build(80, 8);
        Volume scan = new SiteScanner(SiteParameters.defaults().get(1)).scan(phantom, 3);
        Mask estimated = Mask.of(80, 80, 80, BrainMaskEstimator.estimate(scan));
        Mask brainTissue = Mask.above(phantom.labels(), TissueLabel.CSF + 0.5);
        assertThat(estimated.dice(brainTissue)).isGreaterThan(0.9);
    }

    @Test
    void stripsColin27CloseToItsPublishedBrainExtraction() throws IOException {
        assumeTrue(Files.exists(CH2) && Files.exists(CH2_BET), "Colin27 (mricron templates) not installed");
        Volume source = VolumeIO.read(CH2).volume();
        Grid grid = TemplateAnatomy.gridCovering(source, 80);
        Volume t1 = Resample.trilinear(source, grid, 0f);
        Mask estimated = Mask.of(80, 80, 80, BrainMaskEstimator.estimate(t1));
        Mask reference = Mask.above(Resample.trilinear(VolumeIO.read(CH2_BET).volume(), grid, 0f), 0.5);
        double dice = estimated.dice(reference);
        assertThat(dice).isGreaterThan(0.9);
    }
}
