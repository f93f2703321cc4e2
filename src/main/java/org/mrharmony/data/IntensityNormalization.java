package org.mrharmony.data;

import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeStats;

/** Measures {@link IntensityStats} and applies them: the network's view of a volume. */
public final class IntensityNormalization {

    /** Percentile (inside the head) at which intensities are clipped. */
    public static final double DEFAULT_CLIP_PERCENTILE = 99.5;

    /** Network value of everything outside the head. */
    public static final float BACKGROUND = -1f;

    private IntensityNormalization() {
    }

    public static IntensityStats measure(Volume volume, Mask head, double clipPercentile) {
        double high = VolumeStats.percentile(volume, head, clipPercentile);
        float[] d = volume.data();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < d.length; i++) {
            if (head.get(i)) {
                sum += Math.min(d[i], high);
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("empty head mask");
        }
        return new IntensityStats(sum / n, high);
    }

    /** A new volume in the network range: head voxels mapped by {@code stats}, the rest {@link #BACKGROUND}. */
    public static Volume toNetwork(Volume volume, Mask head, IntensityStats stats) {
        float[] src = volume.data();
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = head.get(i) ? stats.toNetwork(src[i]) : BACKGROUND;
        }
        return volume.withData(out);
    }

    /** Back to a real scale; voxels outside the head become exactly 0. */
    public static Volume fromNetwork(Volume network, Mask head, IntensityStats stats) {
        float[] src = network.data();
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = head.get(i) ? Math.max(0f, stats.fromNetwork(src[i])) : 0f;
        }
        return network.withData(out);
    }
}
