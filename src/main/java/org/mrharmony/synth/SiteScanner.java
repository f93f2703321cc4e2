package org.mrharmony.synth;

import java.util.SplittableRandom;
import org.mrharmony.eval.TissueLabel;
import org.mrharmony.volume.Gaussian;
import org.mrharmony.volume.Volume;

/**
 * Images an {@link Anatomy} the way one site would: tissue means (times the anatomy's own
 * texture), partial-volume blur (in-plane and through-plane), the site's intensity curve
 * (gamma), bias field and scale, then Rician noise, {@code sqrt((s + n1)^2 + n2^2)} with n1, n2
 * independent Gaussians (the magnitude of a complex signal with Gaussian noise in both
 * channels; Gudbjartsson and Patz, MRM 34:910-914, 1995), so air is Rayleigh-distributed noise.
 * Values are rounded to integers and clipped to [0, 32767], as a scanner stores them.
 */
public final class SiteScanner {

    /** Largest value a scanner's int16 image holds. */
    public static final float MAX_VALUE = 32767f;

    private final SiteParameters site;

    public SiteScanner(SiteParameters site) {
        this.site = site;
    }

    /** The scan of {@code anatomy} at this site; {@code noiseSeed} picks the noise realisation. */
    public Volume scan(Anatomy anatomy, long noiseSeed) {
        Volume labels = anatomy.labels();
        float[] label = labels.data();
        float[] texture = anatomy.texture().data();
        int n = label.length;
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (site.meanOf(TissueLabel.of(label[i])) * texture[i]);
        }
        double[] sigma = new double[3];
        for (int a = 0; a < 3; a++) {
            sigma[a] = a == site.sliceAxis() ? site.blurThroughPlaneMm() : site.blurInPlaneMm();
        }
        s = Gaussian.smooth(labels.withData(s), sigma).data();
        float[] bias = BiasField.generate(labels.dims(), site.biasAmplitude(), site.biasSeed());
        double noise = site.noiseSd() * site.scale();
        SplittableRandom random = new SplittableRandom(noiseSeed);
        for (int i = 0; i < n; i++) {
            double clean = site.scale() * bias[i] * Math.pow(Math.max(s[i], 0f), site.gamma());
            double value = clean;
            if (noise > 0) {
                double re = clean + noise * random.nextGaussian();
                double im = noise * random.nextGaussian();
                value = Math.sqrt(re * re + im * im);
            }
            s[i] = (float) Math.min(Math.rint(value), MAX_VALUE);
        }
        return labels.withData(s);
    }
}
