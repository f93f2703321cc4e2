package org.mrharmony.data;

import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

/**
 * An optional intensity standardisation of every scan before the networks' own normalisation
 * ({@link NetworkView}): a model trained with one ({@code "standardize": "nyul"}) sees each scan
 * mapped onto one common intensity scale, so the GAN learns only what that map leaves of the
 * differences between sites. {@link #NONE}, the default, leaves the scan as it is.
 *
 * <p>An interface because the standard scale is fitted and stored above this package (the
 * Nyúl–Udupa fit, {@code harmonize.SiteBaselines.NyulFit}).
 */
@FunctionalInterface
public interface InputStandard {

    /** No standardisation: the scan's own intensities. */
    InputStandard NONE = (canonical, head) -> canonical;

    /** The scan on the standard scale inside the head (outside it the networks see the background anyway). */
    Volume apply(Volume canonical, Mask head);
}
