package org.mrharmony.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StackSamplerTest {

    private static final SlicingConfig SLICING = SlicingConfig.defaults(3, 16);

    @Test
    void sameSeedAndStepGiveTheSameBatchAndStepsDiffer() throws Exception {
        TrainingSet set = TinySites.trainingSet(2, 2, 24, 12, SLICING);
        Batch a = new StackSampler(set, 7, 4).batch(5, 4);
        Batch b = new StackSampler(set, 7, 4).batch(5, 4);
        Batch c = new StackSampler(set, 7, 4).batch(6, 4);
        assertThat(a.source()).containsExactly(b.source());
        assertThat(a.latent()).containsExactly(b.latent());
        assertThat(a.source()).isNotEqualTo(c.source());
        assertThat(a.source()).hasSize(4 * 3 * 16 * 16);
    }

    @Test
    void sitesAreBalanced() throws Exception {
        TrainingSet set = TinySites.trainingSet(3, 1, 24, 12, SLICING);
        StackSampler sampler = new StackSampler(set, 1, 4);
        int[] counts = new int[3];
        int n = 0;
        for (int step = 0; step < 200; step++) {
            for (int y : sampler.batch(step, 8).sourceSite()) {
                counts[y]++;
                n++;
            }
        }
        for (int c : counts) {
            // expected n/3 = 533; binomial sd ~ 21
            assertThat(c).isBetween(n / 3 - 100, n / 3 + 100);
        }
    }

    @Test
    void nextStackIsTheSameCropOneSliceOn() throws Exception {
        TrainingSet set = TinySites.trainingSet(2, 1, 24, 12, SLICING);
        Batch b = new StackSampler(set, 3, 4).batch(0, 6);
        int p2 = 16 * 16;
        for (int i = 0; i < 6; i++) {
            int base = i * 3 * p2;
            // channel 1 of X_k is slice k, channel 0 of X_{k+1} is slice k: identical pixels
            for (int j = 0; j < p2; j++) {
                assertThat(b.sourceNext()[base + j]).isEqualTo(b.source()[base + p2 + j]);
                assertThat(b.sourceNext()[base + p2 + j]).isEqualTo(b.source()[base + 2 * p2 + j]);
            }
        }
    }

    @Test
    void samplesAreInTheNetworkRangeAndShowHead() throws Exception {
        TrainingSet set = TinySites.trainingSet(2, 1, 24, 12, SLICING);
        Batch b = new StackSampler(set, 3, 4).batch(0, 8);
        int head = 0;
        for (float v : b.source()) {
            assertThat(v).isBetween(-1f, 1f);
            if (v > -1f) {
                head++;
            }
        }
        assertThat(head).isGreaterThan(b.source().length / 10);
    }

    @Test
    void referencesComeFromTheTargetSiteAndSourcesFromTheirOwn() throws Exception {
        // every head voxel of site s holds the value 0.25 + 0.5 s: a sample's pixels tell its site
        TrainingSet tiny = TinySites.trainingSet(2, 1, 24, 12, SLICING);
        java.util.List<java.util.List<PreparedVolume>> marked = new java.util.ArrayList<>();
        for (int site = 0; site < 2; site++) {
            PreparedVolume v = tiny.volumes(site).get(0);
            float[] d = v.network().data().clone();
            for (int i = 0; i < d.length; i++) {
                if (v.head().get(i)) {
                    d[i] = 0.25f + 0.5f * site;
                }
            }
            marked.add(java.util.List.of(new PreparedVolume(v.path(), v.site(), site, v.network().withData(d),
                v.head(), v.stats(), v.usableSlices())));
        }
        TrainingSet set = new TrainingSet(tiny.sites(), marked, SLICING);
        Batch b = new StackSampler(set, 11, 4).batch(2, 16);
        int len = 3 * 16 * 16;
        for (int i = 0; i < 16; i++) {
            float trg = 0.25f + 0.5f * b.targetSite()[i];
            float src = 0.25f + 0.5f * b.sourceSite()[i];
            for (int j = 0; j < len; j++) {
                assertThat(b.reference()[i * len + j]).isIn(-1f, trg);
                assertThat(b.reference2()[i * len + j]).isIn(-1f, trg);
                assertThat(b.source()[i * len + j]).isIn(-1f, src);
            }
        }
    }

    @Test
    void cropStaysInsideTheImageOrCentresWhenTooSmall() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            int s = StackSampler.cropStart(r, 10, 30, 64, 16);
            assertThat(s).isBetween(0, 48);
        }
        assertThat(StackSampler.cropStart(r, 0, 10, 10, 16)).isEqualTo(-3);
    }

    /** Extra draws of a step (d_steps): draw 0 is the step's batch, others differ from it and each other, reproducibly. */
    @Test
    void extraDrawsOfAStepAreReproducibleAndDistinct() throws Exception {
        TrainingSet set = TinySites.trainingSet(2, 2, 24, 12, SLICING);
        StackSampler sampler = new StackSampler(set, 7, 4);
        Batch main = sampler.batch(5, 4);
        assertThat(sampler.batch(5, 0, 4).source()).containsExactly(main.source());
        Batch extra1 = sampler.batch(5, 1, 4);
        Batch extra2 = sampler.batch(5, 2, 4);
        assertThat(new StackSampler(set, 7, 4).batch(5, 1, 4).source()).containsExactly(extra1.source());
        assertThat(extra1.source()).isNotEqualTo(main.source()).isNotEqualTo(extra2.source());
        assertThat(extra1.source()).isNotEqualTo(sampler.batch(6, 1, 4).source());
    }
}
