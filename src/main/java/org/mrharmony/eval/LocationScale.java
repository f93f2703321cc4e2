package org.mrharmony.eval;

import java.util.List;

/**
 * A location and a scale (a mean and a standard deviation) of brain intensities, and the
 * affine map between two of them that the location–scale baselines use.
 */
public record LocationScale(double location, double scale) {

    public static final LocationScale UNIT = new LocationScale(0, 1);

    public LocationScale {
        if (!Double.isFinite(location) || !(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("need a finite location and a positive scale, got "
                + location + ", " + scale);
        }
    }

    /** Mean and population standard deviation (numpy's default, as the reference implementations). */
    public static LocationScale meanAndSd(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values (empty mask?)");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / values.length);
        if (!(sd > 0)) {
            throw new IllegalArgumentException("intensities are constant (" + mean + "): no scale to normalize by");
        }
        return new LocationScale(mean, sd);
    }

    /** The component-wise average: one vote per training volume. */
    public static LocationScale average(List<LocationScale> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no training volumes to fit on");
        }
        double loc = 0;
        double sc = 0;
        for (LocationScale s : all) {
            loc += s.location;
            sc += s.scale;
        }
        return new LocationScale(loc / all.size(), sc / all.size());
    }

    /** Maps a value from this location/scale to {@code target}'s: standardise, then de-standardise. */
    public double mapTo(LocationScale target, double v) {
        return (v - location) / scale * target.scale + target.location;
    }
}
