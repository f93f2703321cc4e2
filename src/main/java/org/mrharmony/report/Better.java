package org.mrharmony.report;

/** Which direction of a metric is an improvement: SSIM higher, MAE lower. */
public enum Better {
    HIGHER,
    LOWER;

    /** True if {@code a} is strictly better than {@code b}. */
    boolean isBetter(double a, double b) {
        return this == HIGHER ? a > b : a < b;
    }
}
