package org.mrharmony.synth;

import java.nio.file.Path;
import java.util.List;

/**
 * What cohort to make.
 *
 * @param subjects     number of subjects (at least 1)
 * @param sites        the sites, each scanning every subject
 * @param size         grid size along each axis (at least 16)
 * @param template     a T1 to take the anatomy from, or null for the built-in phantom
 * @param templateMask a brain mask (or brain-extracted image) on the template's grid, or null to
 *                     estimate one
 * @param seed         the seed everything random derives from
 * @param testFraction fraction of subjects held out for testing, in [0, 1)
 * @param threads      worker threads (at least 1)
 */
public record CohortSpec(int subjects, List<SiteParameters> sites, int size, Path template, Path templateMask,
                         long seed, double testFraction, int threads) {

    public CohortSpec {
        if (subjects < 1) {
            throw new IllegalArgumentException("--subjects must be at least 1, got " + subjects);
        }
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("need at least one site");
        }
        if (size < 16 || size > 512) {
            throw new IllegalArgumentException("--size must be in 16..512, got " + size);
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("--test-fraction must be in [0, 1), got " + testFraction);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (templateMask != null && template == null) {
            throw new IllegalArgumentException("a template mask needs a template (--template)");
        }
        sites = List.copyOf(sites);
    }
}
