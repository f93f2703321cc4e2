package org.mrharmony.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss terms of one iteration, by the names used in the CSV log. StarGAN v2 runs every
 * phase twice, latent-guided ({@code _lat}) and reference-guided ({@code _ref}).
 */
public record StepLosses(long step, Map<String, Float> terms) {

    public static final String[] NAMES = {
        "d_real_lat", "d_fake_lat", "d_reg_lat", "d_real_ref", "d_fake_ref", "d_reg_ref",
        "g_adv_lat", "g_sty_lat", "g_ds_lat", "g_cyc_lat", "g_tc_lat",
        "g_adv_ref", "g_sty_ref", "g_ds_ref", "g_cyc_ref", "g_tc_ref", "lambda_ds", "skipped_updates"
    };

    /** The site classification terms, logged when {@code lambda_cls > 0}. */
    public static final String[] CLASSIFICATION_NAMES = {"d_cls_lat", "d_cls_ref", "g_cls_lat", "g_cls_ref"};

    /** The terms a run with this configuration logs, in CSV order. */
    public static List<String> names(TrainConfig cfg) {
        List<String> names = new ArrayList<>(List.of(NAMES));
        if (cfg.classifies()) {
            names.addAll(List.of(CLASSIFICATION_NAMES));
        }
        return names;
    }

    public StepLosses {
        terms = new LinkedHashMap<>(terms);
    }

    public float get(String name) {
        Float v = terms.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no loss term " + name);
        }
        return v;
    }

    /** Optimiser updates skipped in this step because a gradient was not finite (see {@link Adam#step}). */
    public int skippedUpdates() {
        return Math.round(get("skipped_updates"));
    }

    public boolean allFinite() {
        return terms.values().stream().allMatch(f -> Float.isFinite(f));
    }

    /** Discriminator total of the latent pass (for the progress bar). */
    public float discriminator() {
        return get("d_real_lat") + get("d_fake_lat");
    }

    /** Generator adversarial term of the latent pass (for the progress bar). */
    public float generatorAdversarial() {
        return get("g_adv_lat");
    }
}
