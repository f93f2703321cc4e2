package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mrharmony.data.Batch;
import org.mrharmony.model.NetworkPresets;

class SyntheticBatchesTest {

    @Test
    void batchesHaveTheTrainersShapesAndRanges() {
        TrainConfig cfg = TrainConfig.defaults(NetworkPresets.TINY, NetworkPresets.named(NetworkPresets.TINY, 3));
        Batch b = new SyntheticBatches(cfg, 5).next();
        int images = cfg.batch() * 3 * 32 * 32;

        assertThat(b.size()).isEqualTo(cfg.batch());
        assertThat(b.source()).hasSize(images);
        assertThat(b.sourceNext()).hasSize(images);
        assertThat(b.reference()).hasSize(images);
        assertThat(b.reference2()).hasSize(images);
        assertThat(b.latent()).hasSize(cfg.batch() * cfg.network().latentDim());
        for (float v : b.source()) {
            assertThat(v).isBetween(-1f, 1f);
        }
        for (int i = 0; i < b.size(); i++) {
            assertThat(b.sourceSite()[i]).isBetween(0, 2);
            assertThat(b.targetSite()[i]).isBetween(0, 2);
        }
    }

    @Test
    void sameSeedSameBatch() {
        TrainConfig cfg = TrainConfig.defaults(NetworkPresets.TINY, NetworkPresets.named(NetworkPresets.TINY, 2));

        assertThat(new SyntheticBatches(cfg, 9).next().latent()).isEqualTo(new SyntheticBatches(cfg, 9).next().latent());
        assertThat(new SyntheticBatches(cfg, 9).next().source()).isNotEqualTo(new SyntheticBatches(cfg, 8).next().source());
    }
}
