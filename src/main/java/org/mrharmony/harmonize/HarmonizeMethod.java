package org.mrharmony.harmonize;

import org.mrharmony.util.EnumIds;

/** What maps a volume into the target site's style: the GAN, or one of the intensity baselines. */
public enum HarmonizeMethod {
    GAN("gan"),
    /** No harmonization: the input's intensities inside the head, 0 outside. */
    NONE("none"),
    ZSCORE("zscore"),
    WHITESTRIPE("whitestripe"),
    NYUL("nyul");

    private final String id;

    HarmonizeMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static HarmonizeMethod fromId(String id) {
        return EnumIds.parse(values(), HarmonizeMethod::id, id, "method");
    }
}
