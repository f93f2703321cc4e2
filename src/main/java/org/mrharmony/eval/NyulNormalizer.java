package org.mrharmony.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mrharmony.volume.Volume;

/**
 * Nyúl–Udupa piecewise-linear histogram standardisation (Nyúl &amp; Udupa 1999, MRM 42:1072;
 * Nyúl, Udupa &amp; Zhang 2000, IEEE TMI 19:143), as in intensity-normalization's
 * {@code nyul.py}.
 *
 * <p>Landmarks are brain percentiles (default {@code pc1 = 1, 10, 20, …, 90, pc2 = 99}).
 * Fitting: each training volume's landmarks are mapped linearly so that its
 * {@code [p1, p99]} goes to {@code [s1, s2]}; the standard scale is the average of the
 * mapped landmarks. Applying: the volume's own landmarks are mapped piecewise-linearly
 * onto the standard scale, linearly extrapolated below the first and above the last.
 *
 * <p>Target scale: intensity-normalization uses the arbitrary {@code [s1, s2] = [1, 100]}.
 * Fitted on the target site's training volumes, {@link #fitToTarget} instead sets s1 and s2
 * to the average p1 and p99 of those volumes, so the standard scale is the target site's
 * own typical histogram in its real intensity units. {@link #fit} takes s1, s2 explicitly.
 */
public final class NyulNormalizer implements IntensityNormalizer {

    /** pc1, the deciles, pc2. */
    public static final double[] DEFAULT_PERCENTILES = {1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 99};

    private final double[] percentiles;
    private final double[] standardScale;

    public NyulNormalizer(double[] percentiles, double[] standardScale) {
        if (percentiles.length != standardScale.length || percentiles.length < 2) {
            throw new IllegalArgumentException("need as many standard landmarks as percentiles (at least 2), got "
                + standardScale.length + " and " + percentiles.length);
        }
        for (int i = 1; i < percentiles.length; i++) {
            if (!(percentiles[i] > percentiles[i - 1])) {
                throw new IllegalArgumentException("percentiles must increase: " + Arrays.toString(percentiles));
            }
        }
        this.percentiles = percentiles.clone();
        this.standardScale = standardScale.clone();
    }

    /** Standard scale in the target site's units: s1, s2 = its training volumes' mean p1, p99. */
    public static NyulNormalizer fitToTarget(List<MaskedVolume> targetTraining) {
        List<double[]> all = landmarksOf(targetTraining, DEFAULT_PERCENTILES);
        double s1 = 0;
        double s2 = 0;
        for (double[] l : all) {
            s1 += l[0];
            s2 += l[l.length - 1];
        }
        return standardize(all, DEFAULT_PERCENTILES, s1 / all.size(), s2 / all.size());
    }

    /** The published fit with explicit {@code [s1, s2]} (intensity-normalization: 1, 100). */
    public static NyulNormalizer fit(List<MaskedVolume> training, double[] percentiles, double s1, double s2) {
        return standardize(landmarksOf(training, percentiles), percentiles, s1, s2);
    }

    private static List<double[]> landmarksOf(List<MaskedVolume> training, double[] percentiles) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training volumes to fit on");
        }
        List<double[]> all = new ArrayList<>();
        for (MaskedVolume mv : training) {
            all.add(Quantiles.percentilesOfSorted(Quantiles.sorted(mv.brainValues()), percentiles));
        }
        return all;
    }

    private static NyulNormalizer standardize(List<double[]> all, double[] percentiles, double s1, double s2) {
        double[] standard = new double[percentiles.length];
        for (double[] l : all) {
            double lo = l[0];
            double hi = l[l.length - 1];
            if (!(hi > lo)) {
                throw new IllegalArgumentException("a training brain is degenerate: its p" + percentiles[0]
                    + " and p" + percentiles[percentiles.length - 1] + " are both " + lo);
            }
            for (int i = 0; i < l.length; i++) {
                standard[i] += s1 + (l[i] - lo) / (hi - lo) * (s2 - s1);
            }
        }
        for (int i = 0; i < standard.length; i++) {
            standard[i] /= all.size();
        }
        return new NyulNormalizer(percentiles, standard);
    }

    public double[] percentiles() {
        return percentiles.clone();
    }

    public double[] standardScale() {
        return standardScale.clone();
    }

    /** The volume's landmark intensities inside the brain. */
    public double[] landmarks(Volume volume, boolean[] mask) {
        Masks.check(mask, volume);
        double[] sorted = Quantiles.sorted(Masks.values(volume, Masks.orPositive(mask, volume)));
        return Quantiles.percentilesOfSorted(sorted, percentiles);
    }

    /** The intensity map this normalizer applies to a volume: its landmarks onto the standard scale. */
    public PiecewiseLinear mappingFor(Volume volume, boolean[] mask) {
        return new PiecewiseLinear(landmarks(volume, mask), standardScale);
    }

    @Override
    public String name() {
        return "nyul";
    }

    @Override
    public Volume apply(Volume volume, boolean[] mask) {
        PiecewiseLinear f = mappingFor(volume, mask);
        return IntensityMaps.applyInside(volume, Masks.orPositive(mask, volume), f::apply);
    }
}
