package org.mrharmony.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Reorient;
import org.mrharmony.volume.Slices;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/** Reads a volume and turns it into a {@link PreparedVolume} (METHOD.md, "Data in"). */
public final class VolumePreparer {

    private VolumePreparer() {
    }

    public static PreparedVolume prepare(Path file, String site, int siteIndex, SlicingConfig slicing,
                                         InputStandard standard) throws IOException {
        Volume canonical = Reorient.toCanonical(VolumeIO.read(file).volume()).volume();
        return prepare(canonical, file, site, siteIndex, slicing, standard);
    }

    /**
     * Prepares a volume already in canonical orientation; {@code file} only names it in messages.
     * {@code standard} is the model's input standard ({@link InputStandard#NONE} without one).
     */
    public static PreparedVolume prepare(Volume canonical, Path file, String site, int siteIndex,
                                         SlicingConfig slicing, InputStandard standard) throws IOException {
        Mask head = ForegroundMask.compute(canonical);
        if (head.count() == 0) {
            throw new IOException(file + ": no head found (empty or constant image)");
        }
        NetworkView view;
        try {
            view = NetworkView.of(canonical, head, slicing.clipPercentile(), standard);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
        int[] usable = usableSlices(head, slicing.axis(), slicing.minHeadFraction());
        if (usable.length == 0) {
            throw new IOException(file + ": no slice along axis " + slicing.axis() + " has enough head to train on");
        }
        return new PreparedVolume(file, site, siteIndex, view.network(), head, view.stats(), usable);
    }

    /** Slices k with at least {@code minFraction} head pixels in both k and k+1. */
    static int[] usableSlices(Mask head, int axis, double minFraction) {
        Volume maskVolume = new Volume(head.nx(), head.ny(), head.nz(), toFloats(head),
            org.mrharmony.volume.Affine.identity());
        int n = maskVolume.dim(axis);
        boolean[] enough = new boolean[n];
        for (int k = 0; k < n; k++) {
            float[] slice = Slices.extract(maskVolume, axis, k);
            int inside = 0;
            for (float v : slice) {
                if (v > 0) {
                    inside++;
                }
            }
            enough[k] = inside >= minFraction * slice.length && inside > 0;
        }
        List<Integer> usable = new ArrayList<>();
        for (int k = 0; k + 1 < n; k++) {
            if (enough[k] && enough[k + 1]) {
                usable.add(k);
            }
        }
        return usable.stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[] toFloats(Mask m) {
        float[] f = new float[m.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = m.get(i) ? 1f : 0f;
        }
        return f;
    }
}
