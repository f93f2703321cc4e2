package org.mrharmony.harmonize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.mrharmony.data.IntensityNormalization;
import org.mrharmony.model.Generator;
import org.mrharmony.volume.IndexBox;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.SlicePlane;
import org.mrharmony.volume.Slices;
import org.mrharmony.volume.Volume;

/**
 * Translates the 2.5D stacks of a network-range volume with one generator and one style code,
 * at the native in-plane resolution, and re-stacks the result.
 *
 * <p>Only what can reach the output is translated: everything outside the head mask becomes 0
 * in the end, so the generator sees the head's in-plane bounding box plus {@value #MARGIN}
 * pixels (the same window for every slice, so the field of view does not change from slice to
 * slice), and only the stacks that show a head slice in some channel. That roughly halves the
 * work on a typical head scan. The window also keeps the instance-norm statistics closer to
 * those of training, whose patches are cut from the head, than a field of view that is mostly
 * background would. Slices outside the translated range are background.
 *
 * <p>Memory: one batch of stacks at a time. Every array of a batch lives on a sub-manager that is
 * closed after the batch, and the forward pass runs in inference mode ({@code training = false},
 * outside any gradient collector), so nothing accumulates over a volume.
 */
final class StackTranslator {

    /** Background pixels kept around the head's bounding box, so no convolution sees the window's edge at the head. */
    static final int MARGIN = 8;

    private final Generator generator;
    private final NDManager parent;
    private final int batch;

    /**
     * @param parent the manager batches open their sub-managers on (the networks' own, so arrays
     *               are on the networks' device)
     */
    StackTranslator(Generator generator, NDManager parent, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batch);
        }
        this.generator = generator;
        this.parent = parent;
        this.batch = batch;
    }

    /**
     * @param network  canonical volume in the network range
     * @param head     its head mask
     * @param axis     slicing axis
     * @param channels slices per stack (the generator's input channels)
     * @param style    the one style code used for every stack
     * @param progress told how many slices each finished batch accounts for (all slices in the end)
     * @return the translated volume in the network range, on the input's grid
     */
    Volume translate(Volume network, Mask head, int axis, int channels, float[] style, Restack mode,
                     IntConsumer progress) {
        return translate(network, head, axis, channels, style, mode, null, progress);
    }

    /**
     * As above, but only the slices of {@code slab} (null: all) come out translated; the rest are
     * background. Every stack that covers a slab slice is translated, so with either re-stacking
     * the slab is what translating the whole volume gives there (up to float rounding).
     */
    Volume translate(Volume network, Mask head, int axis, int channels, float[] style, Restack mode,
                     SliceRange slab, IntConsumer progress) {
        SlicePlane plane = SlicePlane.of(network, axis);
        IndexBox box = head.boundingBox().orElseThrow(() -> new IllegalArgumentException("empty head mask"));
        int u = plane.widthAxis();
        int v = plane.heightAxis();
        PlaneWindow window = PlaneWindow.of(plane.width(), plane.height(),
            box.offset()[u] - MARGIN, box.offset()[v] - MARGIN,
            box.dims()[u] + 2 * MARGIN, box.dims()[v] + 2 * MARGIN, generator.downsampleFactor());
        int first = Math.max(0, box.offset()[axis] - channels / 2);
        int last = Math.min(plane.count() - 1, box.max(axis) + channels / 2);
        if (slab != null) {
            first = Math.max(first, slab.first() - channels / 2);
            last = Math.min(last, slab.last() + channels / 2);
            if (first > last) {
                progress.accept(plane.count());
                return new Restacker(mode, network.grid(), axis, channels).result();
            }
        }
        return translate(network, axis, channels, style, mode, window, first, last, progress);
    }

    /** Translates the stacks centred on slices {@code first..last} through {@code window}. */
    Volume translate(Volume network, int axis, int channels, float[] style, Restack mode, PlaneWindow window,
                     int first, int last, IntConsumer progress) {
        SlicePlane plane = SlicePlane.of(network, axis);
        Restacker restacker = new Restacker(mode, network.grid(), axis, channels);
        int planeArea = window.paddedArea();
        for (int start = first; start <= last; start += batch) {
            int n = Math.min(batch, last - start + 1);
            float[] input = new float[n * channels * planeArea];
            Arrays.fill(input, IntensityNormalization.BACKGROUND);
            for (int j = 0; j < n; j++) {
                float[][] stack = Slices.stack(network, axis, start + j, channels);
                for (int c = 0; c < channels; c++) {
                    window.pad(stack[c], input, (j * channels + c) * planeArea);
                }
            }
            float[] output = run(input, n, channels, window, style);
            for (int j = 0; j < n; j++) {
                for (int c = 0; c < channels; c++) {
                    restacker.add(start + j, c, window.unpad(output, (j * channels + c) * planeArea));
                }
            }
            progress.accept(n);
        }
        progress.accept(plane.count() - (last - first + 1));
        return restacker.result();
    }

    private float[] run(float[] input, int n, int channels, PlaneWindow window, float[] style) {
        float[] styles = new float[n * style.length];
        for (int j = 0; j < n; j++) {
            System.arraycopy(style, 0, styles, j * style.length, style.length);
        }
        try (NDManager m = parent.newSubManager()) {
            NDArray x = m.create(input, new Shape(n, channels, window.paddedHeight(), window.paddedWidth()));
            NDArray s = m.create(styles, new Shape(n, style.length));
            return generator.translate(new ParameterStore(m, false), x, s, false).toFloatArray();
        }
    }
}
