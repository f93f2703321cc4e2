package org.mrharmony.synth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How one simulated site (scanner + protocol) images anatomy. Read from and written to JSON.
 *
 * <p>Intensities are in units where 1 is a typical white-matter signal before {@code scale};
 * a scan is {@code scale * (blur(mean(label) * texture))^gamma * bias + Rician noise}, rounded
 * to integers like a scanner's output (see {@link SiteScanner}).
 *
 * @param name               folder name of the site's scans: letters, digits, '.', '_', '-'
 * @param description        free text (what kind of scanner this imitates)
 * @param csfMean            CSF intensity (relative units)
 * @param gmMean             grey-matter intensity
 * @param wmMean             white-matter intensity; also the reference for non-brain head tissue
 * @param gamma              exponent of the intensity curve applied after blurring (1 = linear)
 * @param scale              global intensity scale (scanner units per relative unit)
 * @param biasAmplitude      log-amplitude of the smooth bias field (0 = none; 0.2 is about +-20%)
 * @param biasSeed           which bias pattern (a site's coil pattern is the same in every scan);
 *                           when omitted, derived from the name
 * @param noiseSd            sd of the Gaussian noise in each of the two channels of the Rician
 *                           noise, relative units (so noiseSd * scale in scanner units)
 * @param blurInPlaneMm      Gaussian sigma in mm within slices
 * @param blurThroughPlaneMm Gaussian sigma in mm across slices (thick slices blur more)
 * @param sliceAxis          the through-plane axis of the canonical (RAS) grid: 0, 1 or 2
 *                           (2, superior, for axial slices: the default when omitted)
 */
public record SiteParameters(
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) double csfMean,
        @JsonProperty(required = true) double gmMean,
        @JsonProperty(required = true) double wmMean,
        @JsonProperty(required = true) double gamma,
        @JsonProperty(required = true) double scale,
        @JsonProperty(required = true) double biasAmplitude,
        Long biasSeed,
        @JsonProperty(required = true) double noiseSd,
        @JsonProperty(required = true) double blurInPlaneMm,
        @JsonProperty(required = true) double blurThroughPlaneMm,
        Integer sliceAxis) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** The folder that holds the truth labels: no site may take its name. */
    public static final String RESERVED_NAME = "truth";

    public SiteParameters {
        if (name == null || !NAME.matcher(name).matches() || name.equals(RESERVED_NAME)
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("site name '" + name + "' must be letters, digits, '.', '_' or '-'"
                + " and not '" + RESERVED_NAME + "'");
        }
        description = description == null ? "" : description;
        sliceAxis = sliceAxis == null ? 2 : sliceAxis;
        biasSeed = biasSeed == null ? (long) name.hashCode() : biasSeed;
        requirePositive(name, "csfMean", csfMean);
        requirePositive(name, "gmMean", gmMean);
        requirePositive(name, "wmMean", wmMean);
        requirePositive(name, "gamma", gamma);
        requirePositive(name, "scale", scale);
        requireNonNegative(name, "biasAmplitude", biasAmplitude);
        requireNonNegative(name, "noiseSd", noiseSd);
        requireNonNegative(name, "blurInPlaneMm", blurInPlaneMm);
        requireNonNegative(name, "blurThroughPlaneMm", blurThroughPlaneMm);
        if (sliceAxis < 0 || sliceAxis > 2) {
            throw new IllegalArgumentException("site " + name + ": sliceAxis must be 0, 1 or 2, got " + sliceAxis);
        }
    }

    private static void requirePositive(String site, String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("site " + site + ": " + field + " must be positive, got " + v);
        }
    }

    private static void requireNonNegative(String site, String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("site " + site + ": " + field + " must be >= 0, got " + v);
        }
    }

    /** Mean intensity of a tissue label; background head tissue is referenced to white matter. */
    public double meanOf(int label) {
        return switch (label) {
            case 1 -> csfMean;
            case 2 -> gmMean;
            default -> wmMean;
        };
    }

    /**
     * Four sites as different as real scanners are. Contrast, noise, bias and resolution follow
     * typical MPRAGE-type T1s: 3T gives more GM/WM contrast and SNR than 1.5T, thick-slice
     * protocols blur across slices, and vendors scale and reconstruct intensities differently.
     */
    public static List<SiteParameters> defaults() {
        return List.of(
            new SiteParameters("siteA", "3T, high GM/WM contrast, low noise",
                0.22, 0.56, 1.0, 1.0, 1000, 0.08, 101L, 0.020, 0.45, 0.45, 2),
            new SiteParameters("siteB", "1.5T, lower GM/WM contrast, more noise",
                0.32, 0.70, 1.0, 1.0, 800, 0.12, 202L, 0.055, 0.6, 0.7, 2),
            new SiteParameters("siteC", "strong coil bias field, thick axial slices",
                0.26, 0.60, 1.0, 1.0, 1200, 0.40, 303L, 0.035, 0.5, 1.9, 2),
            new SiteParameters("siteD", "different vendor scaling and nonlinear intensity curve",
                0.20, 0.58, 1.0, 0.70, 2600, 0.10, 404L, 0.030, 0.5, 0.6, 2));
    }

    /** The first {@code count} default sites; more than four are variations of them. */
    public static List<SiteParameters> defaults(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("--sites must be at least 1, got " + count);
        }
        List<SiteParameters> base = defaults();
        List<SiteParameters> sites = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SiteParameters b = base.get(i % base.size());
            if (i < base.size()) {
                sites.add(b);
                continue;
            }
            // Beyond the four archetypes: the same scanner kind with a shifted contrast and scale.
            int round = i / base.size();
            double shift = 0.04 * round;
            String name = String.format(Locale.ROOT, "site%s%d", (char) ('A' + i % base.size()), round + 1);
            sites.add(new SiteParameters(name,
                b.description() + " (variant " + round + ")",
                b.csfMean() + shift, Math.min(b.gmMean() + shift, 0.9), b.wmMean(), b.gamma(),
                b.scale() * (1 + 0.15 * round), b.biasAmplitude(), b.biasSeed() + 1000L * round,
                b.noiseSd(), b.blurInPlaneMm(), b.blurThroughPlaneMm(), b.sliceAxis()));
        }
        return List.copyOf(sites);
    }
}
