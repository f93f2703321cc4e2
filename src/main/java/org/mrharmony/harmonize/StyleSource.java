package org.mrharmony.harmonize;

import java.nio.file.Path;

/**
 * Where the one style code of a harmonization comes from (METHOD.md: one code per volume, never
 * per slice, or the volume flickers).
 */
public sealed interface StyleSource {

    /** Short name for sidecars and messages: {@code mean}, {@code reference} or {@code latent}. */
    String mode();

    /** The target site's mean style, stored with the model. */
    record Mean() implements StyleSource {
        @Override
        public String mode() {
            return "mean";
        }
    }

    /** The style encoder averaged over a reference volume of the target site. */
    record Reference(Path file) implements StyleSource {
        @Override
        public String mode() {
            return "reference";
        }
    }

    /** The mapping network applied to a latent code drawn from a seed. */
    record Latent(long seed) implements StyleSource {
        @Override
        public String mode() {
            return "latent";
        }
    }
}
