package org.mrharmony.harmonize;

import java.util.Arrays;
import org.mrharmony.data.IntensityNormalization;
import org.mrharmony.volume.Grid;
import org.mrharmony.volume.SlicePlane;
import org.mrharmony.volume.Slices;
import org.mrharmony.volume.Volume;

/**
 * Collects the translated channels of every stack and builds the output volume. Channel c of
 * the stack centred on slice j shows slice {@code j - C/2 + c}, clamped to the volume as
 * {@link Slices#stack} replicates the edge slices; so at the edges a slice can be shown by two
 * channels of one stack, and every one of those predictions counts in {@link Restack#MEAN}.
 */
final class Restacker {

    private final Restack mode;
    private final Grid grid;
    private final int axis;
    private final int channels;
    private final int count;
    private final float[][] sums;
    private final int[] predictions;

    Restacker(Restack mode, Grid grid, int axis, int channels) {
        this.mode = mode;
        this.grid = grid;
        this.axis = axis;
        this.channels = channels;
        SlicePlane plane = SlicePlane.of(grid, axis);
        this.count = plane.count();
        this.sums = new float[count][];
        this.predictions = new int[count];
    }

    /** The translated channel {@code channel} of the stack centred on slice {@code centre}. */
    void add(int centre, int channel, float[] slice) {
        int k = Math.min(Math.max(centre - channels / 2 + channel, 0), count - 1);
        if (mode == Restack.CENTER) {
            if (channel == channels / 2) {
                sums[k] = slice.clone();
                predictions[k] = 1;
            }
            return;
        }
        if (sums[k] == null) {
            sums[k] = slice.clone();
        } else {
            float[] sum = sums[k];
            for (int i = 0; i < sum.length; i++) {
                sum[i] += slice[i];
            }
        }
        predictions[k]++;
    }

    /** The re-stacked volume (the caller's grid); slices that received no prediction are background. */
    Volume result() {
        Volume out = grid.newVolume();
        Arrays.fill(out.data(), IntensityNormalization.BACKGROUND);
        for (int k = 0; k < count; k++) {
            if (predictions[k] == 0) {
                continue;
            }
            float[] slice = sums[k];
            if (predictions[k] > 1) {
                float n = predictions[k];
                for (int i = 0; i < slice.length; i++) {
                    slice[i] /= n;
                }
            }
            Slices.insert(out, axis, k, slice);
            sums[k] = null;
        }
        return out;
    }
}
