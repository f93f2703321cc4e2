package org.mrharmony.synth;

import org.mrharmony.eval.TissueLabel;
import org.mrharmony.eval.TissueSegmentation;
import org.mrharmony.eval.TissueSegmenter;
import org.mrharmony.volume.ConnectedComponents;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Morphology;
import org.mrharmony.volume.Volume;

/**
 * A brain mask for a T1 with skull, for a template given without one: a morphological skull
 * strip in the spirit of the classic threshold-erode-select-dilate methods (e.g. Brummer et
 * al., IEEE TMI 12:153-166, 1993). Inside the head, a three-class intensity mixture (the
 * {@link TissueSegmenter} without its MRF) splits dark voxels (CSF, skull, air) from grey
 * and bright ones (brain tissue, scalp fat); a two-class threshold such as Otsu's would put
 * grey matter with the dark side when fat and white matter dominate. An erosion of about
 * {@link #EROSION_MM} cuts the bridges between brain and scalp; the largest remaining region
 * is the brain, which grows back through the non-dark voxels only, closed over the sulci
 * and filled (ventricles). Good enough for an anatomy source (Dice about 0.96 against
 * Colin27's own brain extraction); give a proper brain extraction when there is one.
 */
final class BrainMaskEstimator {

    static final double EROSION_MM = 10;
    static final double CLOSING_MM = 4;
    /** How many times the erosion depth the brain may grow back through bright tissue. */
    static final int GROWTH = 3;

    private BrainMaskEstimator() {
    }

    static boolean[] estimate(Volume t1) {
        Mask head = ForegroundMask.compute(t1);
        if (head.count() == 0) {
            throw new IllegalArgumentException("the template has no foreground to find a brain in");
        }
        TissueSegmentation classes = new TissueSegmenter(TissueSegmenter.Settings.defaults().withMrfBeta(0))
            .segment(t1, head.toArray());
        Mask bright = Mask.above(classes.labels(), TissueLabel.CSF + 0.5);
        double h = Math.min(t1.voxelSizes()[0], Math.min(t1.voxelSizes()[1], t1.voxelSizes()[2]));
        int erosion = Math.max(1, (int) Math.round(EROSION_MM / h));
        Mask core = ConnectedComponents.largest(Morphology.erode(bright, erosion));
        // Grown back inside the bright voxels only (a conditional dilation), and further than it
        // was eroded, so that gyri thinner than the erosion come back through their stalks.
        Mask brain = core;
        for (int step = 0; step < GROWTH * erosion; step++) {
            brain = and(Morphology.dilate(brain, 1), bright);
        }
        brain = Morphology.close(brain, Math.max(1, (int) Math.round(CLOSING_MM / h)));
        return Morphology.fillHoles(and(brain, head)).toArray();
    }

    private static Mask and(Mask a, Mask b) {
        boolean[] x = a.toArray();
        for (int i = 0; i < x.length; i++) {
            x[i] &= b.get(i);
        }
        return Mask.of(a.nx(), a.ny(), a.nz(), x);
    }
}
