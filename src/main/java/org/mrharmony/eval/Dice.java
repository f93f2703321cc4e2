package org.mrharmony.eval;

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
        float[] x = a.data();
        float[] y = b.data();
        long both = 0;
        long inA = 0;
        long inB = 0;
        for (int i = 0; i < x.length; i++) {
            boolean p = TissueLabel.of(x[i]) == label;
            boolean q = TissueLabel.of(y[i]) == label;
            inA += p ? 1 : 0;
            inB += q ? 1 : 0;
            both += p && q ? 1 : 0;
        }
        return inA + inB == 0 ? Double.NaN : 2.0 * both / (inA + inB);
    }
}
