package org.mrharmony.harmonize;

import org.mrharmony.util.EnumIds;

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
        return EnumIds.parse(values(), Restack::id, id, "restack mode");
    }
}
