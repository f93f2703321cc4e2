package org.mrharmony.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * Exponential moving average of a network's weights, as StarGAN v2 keeps for G, M and E:
 * {@code ema = beta * ema + (1 - beta) * live} after every generator step. The averaged
 * copies are the ones used for inference; they never receive gradients.
 */
public final class Ema {

    private Ema() {
    }

    public static void update(List<Parameter> live, List<Parameter> averaged, float beta) {
        if (live.size() != averaged.size()) {
            throw new IllegalArgumentException("EMA copy has " + averaged.size() + " parameters, live network "
                + live.size());
        }
        for (int i = 0; i < live.size(); i++) {
            NDArray l = live.get(i).getArray();
            NDArray e = averaged.get(i).getArray();
            try (NDArray scaled = l.mul(1 - beta)) {
                e.muli(beta).addi(scaled);
            }
        }
    }

    /** Copies the live weights into the averaged copy (start, or EMA warm-up). */
    public static void copy(List<Parameter> live, List<Parameter> averaged) {
        update(live, averaged, 0f);
    }
}
