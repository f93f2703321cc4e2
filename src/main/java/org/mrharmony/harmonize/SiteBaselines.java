package org.mrharmony.harmonize;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.mrharmony.data.InputStandard;
import org.mrharmony.eval.LocationScale;
import org.mrharmony.eval.MaskedVolume;
import org.mrharmony.eval.NyulNormalizer;
import org.mrharmony.eval.WhiteStripe;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

/**
 * The intensity baselines' parameters fitted on one site's training volumes, stored with the
 * model so that {@code harmonize --method zscore|whitestripe|nyul} can map any volume into
 * that site's scale without the training data. The fits are exactly those of
 * {@link org.mrharmony.eval.Baseline#fitToTarget} (one vote per training volume); they are
 * accumulated volume by volume ({@link Fitter}) so a site's volumes never need to be in memory
 * together.
 *
 * <p>Mask: the head mask ({@link org.mrharmony.volume.ForegroundMask}) of each volume, the same
 * mask harmonizing uses, since the project has no brain extraction. On scans that still have
 * their skull, z-score and Nyúl therefore see scalp and skull as well as brain.
 *
 * @param volumes     number of training volumes fitted on
 * @param zscore      the site's typical head mean and standard deviation
 * @param whiteStripe the site's typical white-stripe mean and sd, with the stripe half-width used
 * @param nyul        the site's standard landmark scale (Nyúl–Udupa) at the given percentiles
 */
public record SiteBaselines(
        @JsonProperty("volumes") int volumes,
        @JsonProperty("zscore") MeanSd zscore,
        @JsonProperty("whitestripe") WhiteStripeFit whiteStripe,
        @JsonProperty("nyul") NyulFit nyul) {

    /** A mean and a (population) standard deviation. */
    public record MeanSd(@JsonProperty("mean") double mean, @JsonProperty("sd") double sd) {

        static MeanSd of(LocationScale ls) {
            return new MeanSd(ls.location(), ls.scale());
        }

        public LocationScale toLocationScale() {
            return new LocationScale(mean, sd);
        }
    }

    /** @param width the stripe half-width τ in quantile units */
    public record WhiteStripeFit(@JsonProperty("width") double width, @JsonProperty("mean") double mean,
                                 @JsonProperty("sd") double sd) {

        public LocationScale toLocationScale() {
            return new LocationScale(mean, sd);
        }
    }

    /**
     * A Nyúl–Udupa standard scale at the given percentiles. Also a model's pooled input standard
     * ({@link InputStandard}): a scan's own landmarks inside its head mapped piecewise-linearly
     * onto the standard, as {@code --method nyul} maps a scan onto a site's scale.
     */
    public record NyulFit(@JsonProperty("percentiles") double[] percentiles,
                          @JsonProperty("standard_scale") double[] standardScale) implements InputStandard {

        public NyulNormalizer toNormalizer() {
            return new NyulNormalizer(percentiles, standardScale);
        }

        @Override
        public Volume apply(Volume canonical, Mask head) {
            return toNormalizer().apply(canonical, head.toArray());
        }
    }

    /** Fits all three baselines on a site's training volumes (each with its head mask). */
    public static SiteBaselines fit(List<MaskedVolume> siteTraining) {
        Fitter fitter = new Fitter();
        for (MaskedVolume mv : siteTraining) {
            fitter.add(mv);
        }
        return fitter.result();
    }

    /**
     * Accumulates the per-volume statistics of a site's training volumes; {@link #result()}
     * averages them. Keeps a few numbers per volume, never the volume.
     */
    public static final class Fitter {

        private final double whiteStripeWidth;
        private final List<LocationScale> zscores = new ArrayList<>();
        private final List<LocationScale> stripes = new ArrayList<>();
        private final NyulFitter nyul = new NyulFitter();

        public Fitter() {
            this(WhiteStripe.DEFAULT_WIDTH);
        }

        public Fitter(double whiteStripeWidth) {
            this.whiteStripeWidth = whiteStripeWidth;
        }

        /** Adds a training volume in its raw intensities, with its head mask. */
        public Fitter add(Volume raw, Mask head) {
            return add(new MaskedVolume(raw, head.toArray()));
        }

        public Fitter add(MaskedVolume mv) {
            double[] values = mv.brainValues();
            zscores.add(LocationScale.meanAndSd(values));
            stripes.add(WhiteStripe.find(values, whiteStripeWidth).stats());
            nyul.add(values);
            return this;
        }

        public SiteBaselines result() {
            if (zscores.isEmpty()) {
                throw new IllegalArgumentException("no training volumes to fit the baselines on");
            }
            LocationScale stripe = LocationScale.average(stripes);
            return new SiteBaselines(zscores.size(), MeanSd.of(LocationScale.average(zscores)),
                new WhiteStripeFit(whiteStripeWidth, stripe.location(), stripe.scale()),
                nyul.result());
        }
    }
}
