package org.mrharmony.harmonize;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the translated 2.5D stacks become one volume again. Slice k is the centre of its own stack
 * and, with C = 3 channels, also a side channel of the stacks centred on k-1 and k+1.
 */
public enum Restack {
    /** Each slice from the centre channel of its own stack. */
    CENTER("center"),
    /** Each slice as the mean of every prediction of it: the C channels that show it. */
    MEAN("mean");

    private final String id;

    Restack(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Restack fromId(String id) {
        for (Restack r : values()) {
            if (r.id.equals(id.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown restack mode '" + id + "'; choose one of "
            + Arrays.stream(values()).map(Restack::id).toList());
    }
}
