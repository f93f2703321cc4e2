package org.mrharmony.eval;

import java.util.function.DoubleUnaryOperator;
import org.mrharmony.volume.Volume;

/** Applies an intensity map inside a brain mask, writing 0 outside it. */
final class IntensityMaps {

    private IntensityMaps() {
    }

    static Volume applyInside(Volume volume, boolean[] mask, DoubleUnaryOperator f) {
        float[] in = volume.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            if (mask[i]) {
                out[i] = (float) f.applyAsDouble(in[i]);
            }
        }
        return volume.withData(out);
    }
}
