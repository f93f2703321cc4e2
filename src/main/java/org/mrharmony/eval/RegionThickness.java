package org.mrharmony.eval;

import java.util.Map;
import java.util.TreeMap;

/**
 * Mean cortical thickness per atlas region: for each region, the mean over the cortical surface
 * of the thickness measured in its grey-matter voxels (the harmonic mean of the voxel values,
 * as {@link ThicknessMap#meanMm()}). A region with fewer than {@code minVoxels} measured
 * voxels is left out: a handful of voxels at a region's edge says nothing about its cortex.
 */
public final class RegionThickness {

    /** Measured GM voxels a region needs (at 1.7 mm voxels, about 0.1 mL of cortex). */
    public static final int MIN_VOXELS = 20;

    private RegionThickness() {
    }

    /**
     * @param thickness per-voxel thickness (mm, 0 where not measured)
     * @param regions   region number per voxel on the same grid (0 = none)
     * @return mean thickness in mm per region with at least {@code minVoxels} measured voxels
     */
    public static Map<Integer, Double> means(ThicknessMap thickness, int[] regions, int minVoxels) {
        float[] t = thickness.thickness().data();
        if (t.length != regions.length) {
            throw new IllegalArgumentException("regions have " + regions.length + " voxels, the thickness map "
                + t.length);
        }
        Map<Integer, double[]> acc = new TreeMap<>(); // region -> {voxels, sum of 1/thickness}
        for (int i = 0; i < t.length; i++) {
            if (t[i] > 0 && regions[i] > 0) {
                double[] a = acc.computeIfAbsent(regions[i], k -> new double[2]);
                a[0]++;
                a[1] += 1.0 / t[i];
            }
        }
        Map<Integer, Double> out = new TreeMap<>();
        acc.forEach((region, a) -> {
            if (a[0] >= minVoxels) {
                out.put(region, a[0] / a[1]);
            }
        });
        return out;
    }

    /**
     * Mean over the regions present in both of |a − b| (NaN when none): how far one scan's
     * regional thickness is from another's.
     */
    public static double meanAbsoluteDifference(Map<Integer, Double> a, Map<Integer, Double> b) {
        double sum = 0;
        int n = 0;
        for (Map.Entry<Integer, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                sum += Math.abs(e.getValue() - other);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
