package org.mrharmony.synth;

/**
 * Independent random seeds for the parts of a cohort, derived from the one user seed.
 *
 * <p>Every random draw in a cohort comes from a generator seeded here by (seed, purpose,
 * index), never from a shared generator, so results do not depend on the order in which
 * threads happen to run, and adding a subject does not change the others.
 */
final class Seeds {

    private Seeds() {
    }

    static long derive(long seed, String purpose, long index) {
        long h = splitMix(seed);
        h = splitMix(h ^ purpose.hashCode());
        return splitMix(h + index);
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014): a strong 64-bit mixer. */
    private static long splitMix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
