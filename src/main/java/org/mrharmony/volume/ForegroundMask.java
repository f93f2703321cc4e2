package org.mrharmony.volume;

/**
 * The head (foreground) of an MRI volume: Otsu's threshold on a smoothed copy, the largest
 * connected region, a light closing, then holes filled in 3D and in the slices of each axis.
 *
 * <p>Smoothing first keeps noise from speckling the threshold; the histogram for Otsu is cut
 * at a high percentile so a few very bright voxels (vessels, artefacts) do not squeeze all
 * tissue into the lowest bins. Keeping the largest 6-connected region drops background
 * specks; closing bridges thin gaps at the edge; filling the holes adds the enclosed dark
 * regions (ventricles, CSF, skull) that a threshold misses; slice-wise filling catches those
 * that are open in 3D only through the cut edge of the field of view.
 */
public final class ForegroundMask {

    /**
     * @param smoothingMm     Gaussian sigma of the smoothed copy, mm (0: no smoothing)
     * @param bins            histogram bins for Otsu
     * @param upperPercentile values above this percentile are left out of Otsu's histogram
     * @param closingRadius   closing with the 6-neighbour cross, this many steps (0: none)
     * @param fillSliceHoles  after 3D hole filling, also fill holes in every 2D slice along each axis
     */
    public record Options(double smoothingMm, int bins, double upperPercentile, int closingRadius,
                          boolean fillSliceHoles) {

        public static final Options DEFAULT = new Options(1.0, 256, 99.5, 1, true);
    }

    private ForegroundMask() {
    }

    public static Mask compute(Volume volume) {
        return compute(volume, Options.DEFAULT);
    }

    public static Mask compute(Volume volume, Options options) {
        Volume smoothed = options.smoothingMm() > 0 ? Gaussian.smooth(volume, options.smoothingMm()) : volume;
        double threshold = threshold(smoothed, options);
        Mask m = Mask.above(smoothed, threshold);
        m = ConnectedComponents.largest(m);
        m = Morphology.close(m, options.closingRadius());
        m = Morphology.fillHoles(m);
        if (options.fillSliceHoles()) {
            for (int axis = 0; axis < 3; axis++) {
                m = Morphology.fillHolesInSlices(m, axis);
            }
        }
        return m;
    }

    /** Otsu's threshold over the values from the minimum up to the upper percentile. */
    static double threshold(Volume smoothed, Options options) {
        double[] minMax = VolumeStats.percentiles(smoothed, 0, options.upperPercentile());
        if (!(minMax[1] > minMax[0])) {
            // Constant (or nearly) up to the percentile: nothing stands out, unless the few
            // voxels above it do.
            return minMax[1];
        }
        Histogram h = Histogram.of(smoothed, Mask.all(smoothed), options.bins(), minMax[0], minMax[1]);
        return Otsu.threshold(h);
    }
}
