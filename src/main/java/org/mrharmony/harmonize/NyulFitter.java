package org.mrharmony.harmonize;

import java.util.ArrayList;
import java.util.List;
import org.mrharmony.eval.MaskedVolume;
import org.mrharmony.eval.NyulNormalizer;
import org.mrharmony.eval.Quantiles;

/**
 * Accumulates the Nyúl–Udupa landmarks of training volumes, one volume at a time, and gives
 * their standard scale ({@link SiteBaselines.NyulFit}): of one site's volumes for its baseline,
 * or of every site's for a model's pooled input standard. Keeps the landmarks, never a volume.
 */
public final class NyulFitter {

    private final List<double[]> landmarks = new ArrayList<>();

    /** Adds a training volume's landmarks: the percentiles of its values inside its mask. */
    public NyulFitter add(MaskedVolume mv) {
        return add(mv.brainValues());
    }

    /** Adds a volume by its values inside its mask (any order). */
    NyulFitter add(double[] maskedValues) {
        landmarks.add(Quantiles.percentilesOfSorted(Quantiles.sorted(maskedValues),
            NyulNormalizer.DEFAULT_PERCENTILES));
        return this;
    }

    public int volumes() {
        return landmarks.size();
    }

    /**
     * Nyúl's standard scale in the volumes' own units (as {@link NyulNormalizer#fitToTarget}):
     * each volume's landmarks mapped linearly so its first and last go to s1 and s2, the volumes'
     * average first and last landmarks, then averaged over the volumes.
     *
     * @throws IllegalArgumentException with no volume, or a volume whose first and last landmarks agree
     */
    public SiteBaselines.NyulFit result() {
        if (landmarks.isEmpty()) {
            throw new IllegalArgumentException("no training volumes to fit the Nyul landmarks on");
        }
        int n = landmarks.size();
        int k = landmarks.get(0).length;
        double s1 = 0;
        double s2 = 0;
        for (double[] l : landmarks) {
            s1 += l[0];
            s2 += l[k - 1];
        }
        s1 /= n;
        s2 /= n;
        double[] standard = new double[k];
        for (double[] l : landmarks) {
            double lo = l[0];
            double hi = l[k - 1];
            if (!(hi > lo)) {
                throw new IllegalArgumentException("a training volume is degenerate: its head intensities at p"
                    + NyulNormalizer.DEFAULT_PERCENTILES[0] + " and p" + NyulNormalizer.DEFAULT_PERCENTILES[k - 1]
                    + " are both " + lo);
            }
            for (int i = 0; i < k; i++) {
                standard[i] += s1 + (l[i] - lo) / (hi - lo) * (s2 - s1);
            }
        }
        for (int i = 0; i < k; i++) {
            standard[i] /= n;
        }
        return new SiteBaselines.NyulFit(NyulNormalizer.DEFAULT_PERCENTILES.clone(), standard);
    }
}
