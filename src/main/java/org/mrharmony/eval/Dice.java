package org.mrharmony.eval;

import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

/** The Dice overlap 2|A∩B| / (|A| + |B|) of one label in two label maps on the same grid. */
public final class Dice {

    private Dice() {
    }

    /** Dice of {@code label}; NaN when neither map holds the label (nothing to overlap). */
    public static double of(Volume a, Volume b, int label) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("label maps of " + a.size() + " and " + b.size() + " voxels");
        }
        Mask inA = labelMask(a, a, label);
        Mask inB = labelMask(b, a, label);
        return inA.count() == 0 && inB.count() == 0 ? Double.NaN : inA.dice(inB);
    }

    /** The voxels of {@code map} holding {@code label}, on {@code grid}'s dimensions. */
    private static Mask labelMask(Volume map, Volume grid, int label) {
        float[] values = map.data();
        boolean[] bits = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = TissueLabel.of(values[i]) == label;
        }
        return Mask.of(grid.nx(), grid.ny(), grid.nz(), bits);
    }
}
