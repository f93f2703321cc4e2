package org.mrharmony.train;

/**
 * How many of a discriminator's real/fake decisions were right. A decision is one logit: for a
 * real input (its own site's label) it is right when the logit is positive, for a fake input
 * (another site's label) when it is negative. A patch discriminator makes one decision per
 * region, so every region counts.
 *
 * <p>{@code ordered} counts the pairs whose own site's logit is above the target site's, whatever
 * their signs: the ranking of the sites a softmax over the heads ({@code lambda_cls}) learns,
 * and what tells the generator which way to move an image, even when the logits are not yet
 * calibrated around 0.
 *
 * @param realRight right decisions on real inputs
 * @param fakeRight right decisions on fake inputs
 * @param ordered   regions whose real logit exceeds their fake logit
 * @param regions   decisions of each kind that were counted (samples x regions per sample)
 */
public record DecisionCount(long realRight, long fakeRight, long ordered, long regions) {

    public static final DecisionCount NONE = new DecisionCount(0, 0, 0, 0);

    public DecisionCount {
        if (regions < 0 || realRight < 0 || fakeRight < 0 || ordered < 0 || realRight > regions || fakeRight > regions
                || ordered > regions) {
            throw new IllegalArgumentException("inconsistent decision count: " + realRight + " and " + fakeRight
                + " right, " + ordered + " ordered, of " + regions);
        }
    }

    /**
     * Counts the decisions of one batch. Samples whose target site is their own site are left
     * out: there the "fake" is the real image under its own label, which no discriminator can
     * (or should) call fake.
     *
     * @param realLogits D(x, y_src), [N] or [N, regions] flattened
     * @param fakeLogits D(x, y_trg), the same shape
     * @param sourceSite y_src of each sample
     * @param targetSite y_trg of each sample
     */
    public static DecisionCount of(float[] realLogits, float[] fakeLogits, int[] sourceSite, int[] targetSite) {
        int n = sourceSite.length;
        if (targetSite.length != n || realLogits.length != fakeLogits.length || n == 0 || realLogits.length % n != 0) {
            throw new IllegalArgumentException("logits (" + realLogits.length + " real, " + fakeLogits.length
                + " fake) do not match " + n + " source and " + targetSite.length + " target labels");
        }
        int perSample = realLogits.length / n;
        long real = 0;
        long fake = 0;
        long ordered = 0;
        long regions = 0;
        for (int i = 0; i < n; i++) {
            if (sourceSite[i] == targetSite[i]) {
                continue;
            }
            for (int r = i * perSample; r < (i + 1) * perSample; r++) {
                real += realLogits[r] > 0 ? 1 : 0;
                fake += fakeLogits[r] < 0 ? 1 : 0;
                ordered += realLogits[r] > fakeLogits[r] ? 1 : 0;
            }
            regions += perSample;
        }
        return new DecisionCount(real, fake, ordered, regions);
    }

    public DecisionCount plus(DecisionCount other) {
        return new DecisionCount(realRight + other.realRight, fakeRight + other.fakeRight, ordered + other.ordered,
            regions + other.regions);
    }

    /** Right decisions of both kinds over all counted decisions; NaN when nothing was counted. */
    public double accuracy() {
        return regions == 0 ? Double.NaN : (realRight + fakeRight) / (2.0 * regions);
    }

    /** Pairs ranked right (own site above the target site); 0.5 = chance; NaN when nothing was counted. */
    public double orderAccuracy() {
        return regions == 0 ? Double.NaN : ordered / (double) regions;
    }

    /** Real inputs called real; NaN when nothing was counted. */
    public double realAccuracy() {
        return regions == 0 ? Double.NaN : realRight / (double) regions;
    }

    /** Fake inputs called fake; NaN when nothing was counted. */
    public double fakeAccuracy() {
        return regions == 0 ? Double.NaN : fakeRight / (double) regions;
    }
}
