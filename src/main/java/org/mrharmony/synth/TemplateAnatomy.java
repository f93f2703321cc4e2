package org.mrharmony.synth;

import java.io.IOException;
import java.nio.file.Path;
import org.mrharmony.eval.TissueLabel;
import org.mrharmony.eval.TissueSegmentation;
import org.mrharmony.eval.TissueSegmenter;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Grid;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Resample;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * The anatomy of a real T1 template (e.g. Colin27, {@code ch2.nii.gz}): resampled onto a
 * {@code size}^3 RAS grid that holds its whole field of view, brain-masked, segmented into
 * CSF/GM/WM by {@link TissueSegmenter}, and kept as texture relative to each tissue's fitted
 * mean so that within-tissue detail (and the scalp and skull outside the brain, relative to
 * WM) survives into every site's scans.
 *
 * <p>Resampling in world coordinates through both affines reorients any input to RAS in the
 * same step. The brain mask is a mask or brain-extracted image (its voxels above 0, e.g.
 * {@code ch2bet.nii.gz} for {@code ch2.nii.gz}) on any grid that covers the template; without
 * one, {@link BrainMaskEstimator} strips the skull.
 */
final class TemplateAnatomy {

    private TemplateAnatomy() {
    }

    static Anatomy load(Path template, Path brainMask, int size) throws IOException {
        Volume source = VolumeIO.read(template).volume();
        Grid grid = gridCovering(source, size);
        Volume t1 = Resample.trilinear(source, grid, 0f);
        float[] t = t1.data();
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.max(t[i], 0f);
        }
        boolean[] mask;
        if (brainMask != null) {
            Volume m = VolumeIO.read(brainMask).volume();
            Volume inside = Mask.above(m, 0).toVolume(m.grid());
            Mask resampled = Mask.above(Resample.trilinear(inside, grid, 0f), 0.5);
            if (resampled.count() == 0) {
                throw new IOException(brainMask + ": the brain mask does not overlap the template " + template);
            }
            mask = resampled.toArray();
        } else {
            mask = BrainMaskEstimator.estimate(t1);
        }
        return fromBrain(t1, mask);
    }

    /** Segments the brain and expresses every voxel relative to its tissue's mean. */
    static Anatomy fromBrain(Volume t1, boolean[] mask) {
        TissueSegmentation seg = new TissueSegmenter().segment(t1, mask);
        float[] labels = seg.labels().data();
        float[] texture = new float[labels.length];
        double[] means = seg.means();
        double wm = means[TissueLabel.WM - 1];
        for (int i = 0; i < labels.length; i++) {
            int l = TissueLabel.of(labels[i]);
            double reference = l == TissueLabel.BACKGROUND ? wm : means[l - 1];
            texture[i] = (float) (t1.data()[i] / reference);
        }
        return new Anatomy(seg.labels(), t1.withData(texture));
    }

    /** An isotropic RAS grid of {@code size}^3 voxels centred on the source's field of view and holding all of it. */
    static Grid gridCovering(Volume source, int size) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int c = 0; c < 8; c++) {
            double[] p = source.affine().apply(
                (c & 1) == 0 ? -0.5 : source.nx() - 0.5,
                (c & 2) == 0 ? -0.5 : source.ny() - 0.5,
                (c & 4) == 0 ? -0.5 : source.nz() - 0.5);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], p[a]);
                hi[a] = Math.max(hi[a], p[a]);
            }
        }
        double extent = Math.max(hi[0] - lo[0], Math.max(hi[1] - lo[1], hi[2] - lo[2]));
        double h = extent / size;
        double[][] rows = new double[3][4];
        for (int a = 0; a < 3; a++) {
            rows[a][a] = h;
            rows[a][3] = (lo[a] + hi[a]) / 2 - h * (size - 1) / 2.0;
        }
        return Grid.of(new int[] {size, size, size}, Affine.of(rows));
    }
}
