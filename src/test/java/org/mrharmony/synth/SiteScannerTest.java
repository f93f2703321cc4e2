package org.mrharmony.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mrharmony.eval.TissueLabel;
import org.mrharmony.volume.Volume;

class SiteScannerTest {

    private static SiteParameters site(double gamma, double scale, double bias, double noise, double blurIn,
                                       double blurThrough) {
        return new SiteParameters("test", "", 0.25, 0.6, 1.0, gamma, scale, bias, 7L, noise, blurIn, blurThrough, 2);
    }

    /** Phantom labels with a flat texture (1 in tissue, 0 outside), so each tissue has one true value. */
    private static Anatomy flatAnatomy(int size) {
        Volume labels = BrainPhantom.build(size, 1).labels();
        float[] t = new float[labels.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = labels.data()[i] > 0 ? 1f : 0f;
        }
        return new Anatomy(labels, labels.withData(t));
    }

    private static double meanOver(Volume image, Volume labels, int label) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < image.size(); i++) {
            if (TissueLabel.of(labels.data()[i]) == label) {
                sum += image.data()[i];
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void withoutNoiseBlurOrBiasEachTissueImagesAtScaleTimesMeanToTheGamma() {
        Anatomy anatomy = flatAnatomy(48);
        SiteParameters s = site(0.8, 1500, 0, 0, 0, 0);
        Volume scan = new SiteScanner(s).scan(anatomy, 1);
        double[] means = {s.csfMean(), s.gmMean(), s.wmMean()};
        for (int label = TissueLabel.CSF; label <= TissueLabel.WM; label++) {
            double expected = Math.rint(s.scale() * Math.pow(means[label - 1], s.gamma()));
            assertThat(meanOver(scan, anatomy.labels(), label)).as(TissueLabel.name(label))
                .isCloseTo(expected, Offset.offset(1e-9));
        }
        // Air stays exactly zero without noise.
        assertThat(scan.get(0, 0, 0)).isZero();
    }

    @Test
    void airIsRayleighNoiseWithTheRequestedSd() {
        Anatomy anatomy = flatAnatomy(48);
        SiteParameters s = site(1, 1000, 0, 0.05, 0, 0);
        Volume scan = new SiteScanner(s).scan(anatomy, 11);
        double sigma = s.noiseSd() * s.scale();
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int i = 0; i < scan.size(); i++) {
            if (anatomy.texture().data()[i] == 0) {
                double v = scan.data()[i];
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        double mean = sum / n;
        // Rayleigh: mean sigma*sqrt(pi/2), second moment 2 sigma^2 (integer rounding adds 1/12).
        assertThat(n).isGreaterThan(20000);
        assertThat(mean).isCloseTo(sigma * Math.sqrt(Math.PI / 2), Offset.offset(0.01 * sigma * Math.sqrt(Math.PI / 2)));
        assertThat(sumSq / n).isCloseTo(2 * sigma * sigma + 1.0 / 12, Offset.offset(0.02 * 2 * sigma * sigma));
    }

    @Test
    void throughPlaneBlurSmearsAlongTheSliceAxisOnly() {
        // A single bright voxel in air: the blurred spot spreads further along z than along x.
        Volume labels = new Volume(21, 21, 21, BrainPhantom.gridAffine(21));
        labels.set(10, 10, 10, TissueLabel.WM);
        float[] t = new float[labels.size()];
        t[labels.index(10, 10, 10)] = 1;
        Anatomy spot = new Anatomy(labels, labels.withData(t));
        Volume scan = new SiteScanner(site(1, 10000, 0, 0, 4, 16)).scan(spot, 1);
        assertThat(scan.get(10, 10, 12)).isGreaterThan(scan.get(12, 10, 10));
        assertThat(scan.get(12, 10, 10)).isEqualTo(scan.get(10, 12, 10));
    }

    /**
     * A single bright voxel on a 1 mm grid, in-plane blur only: the slice axis is untouched and
     * within the slice each neighbour over the centre is the Gaussian's exp(-1 / (2 sigma^2)).
     */
    @Test
    void inPlaneBlurIsAGaussianWithinTheSliceAndNothingAcrossIt() {
        Volume labels = new Volume(21, 21, 21, org.mrharmony.volume.Affine.diagonal(1, 1, 1));
        labels.set(10, 10, 10, TissueLabel.WM);
        float[] t = new float[labels.size()];
        t[labels.index(10, 10, 10)] = 1;
        Anatomy spot = new Anatomy(labels, labels.withData(t));
        double sigma = 1.5;
        double ratio = Math.exp(-1 / (2 * sigma * sigma));
        for (int sliceAxis = 0; sliceAxis < 3; sliceAxis++) {
            SiteParameters s = new SiteParameters("test", "", 0.25, 0.6, 1.0, 1, 100000, 0, 7L, 0, sigma, 0, sliceAxis);
            Volume scan = new SiteScanner(s).scan(spot, 1);
            double centre = scan.get(10, 10, 10);
            for (int axis = 0; axis < 3; axis++) {
                int[] p = {10, 10, 10};
                p[axis] = 11;
                double neighbour = scan.get(p[0], p[1], p[2]);
                if (axis == sliceAxis) {
                    assertThat(neighbour).as("across the slices, axis " + axis).isZero();
                } else {
                    // the scanner rounds to whole numbers: half a unit on each value
                    assertThat(neighbour / centre).as("slice axis " + sliceAxis + ", neighbour along " + axis)
                        .isCloseTo(ratio, Offset.offset(1.0 / centre));
                }
            }
        }
    }

    @Test
    void biasFieldStaysWithinItsAmplitudeAndIsTheSameEveryScan() {
        Anatomy anatomy = flatAnatomy(32);
        SiteParameters s = site(1, 10000, 0.3, 0, 0, 0);
        Volume a = new SiteScanner(s).scan(anatomy, 1);
        Volume b = new SiteScanner(s).scan(anatomy, 2);
        assertThat(a.data()).isEqualTo(b.data());
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int i = 0; i < a.size(); i++) {
            if (TissueLabel.of(anatomy.labels().data()[i]) == TissueLabel.WM) {
                lo = Math.min(lo, a.data()[i]);
                hi = Math.max(hi, a.data()[i]);
            }
        }
        assertThat(lo).isGreaterThanOrEqualTo(Math.floor(10000 * Math.exp(-0.3)));
        assertThat(hi).isLessThanOrEqualTo(Math.ceil(10000 * Math.exp(0.3)));
        assertThat(hi / lo).isGreaterThan(1.2);
    }

    @Test
    void outputIsWholeNumbersWithinInt16() {
        Anatomy anatomy = flatAnatomy(32);
        Volume scan = new SiteScanner(site(1, 40000, 0.2, 0.1, 0.5, 1)).scan(anatomy, 3);
        int notWhole = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : scan.data()) {
            notWhole += v != Math.rint(v) ? 1 : 0;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(notWhole).isZero();
        assertThat(min).isGreaterThanOrEqualTo(0f);
        // Scale 40000 over-ranges WM on purpose: the scanner clips at the int16 maximum.
        assertThat(max).isEqualTo(SiteScanner.MAX_VALUE);
    }
}
