package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.data.InputStandard;
import org.mrharmony.data.PreparedVolume;
import org.mrharmony.data.SlicingConfig;
import org.mrharmony.data.StackSampler;
import org.mrharmony.data.TinySites;
import org.mrharmony.data.TrainingSet;
import org.mrharmony.data.VolumePreparer;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.model.StarGanV2;

class DiscriminatorProbeTest {

    /**
     * Two sites built from {@link TinySites#head} with the given contrast levels: a level scales
     * the inner tissue by (1 + 0.5 level) and adds noise of sd 1 + 2 level; two volumes per site.
     */
    private static TrainingSet twoSites(int levelA, int levelB, SlicingConfig slicing) throws IOException {
        int[] levels = {levelA, levelB};
        List<List<PreparedVolume>> bySite = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            List<PreparedVolume> volumes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                volumes.add(VolumePreparer.prepare(TinySites.head(40, 10, levels[s], 31L * s + i),
                    Path.of("mem", "s" + s + "_" + i), "site" + s, s, slicing, InputStandard.NONE));
            }
            bySite.add(volumes);
        }
        return new TrainingSet(List.of("site0", "site1"), bySite, slicing);
    }

    private static List<ProbeWindow> probe(TrainConfig cfg, TrainingSet data, long steps, int every) {
        StackSampler sampler = new StackSampler(data, cfg.seed(), cfg.network().latentDim());
        try (StarGanV2 nets = StarGanV2.create(cfg.network(), Device.cpu(), (int) cfg.seed());
             DiscriminatorProbe probe = new DiscriminatorProbe(cfg, nets)) {
            return probe.run(sampler, steps, every, DiscriminatorProbe.Listener.SILENT);
        }
    }

    private static float[] weights(Block block) {
        List<float[]> arrays = Trainer.parameters(block).stream().map(p -> p.getArray().toFloatArray()).toList();
        float[] all = new float[arrays.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] a : arrays) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        return all;
    }

    /**
     * A patch discriminator (4 x 4 decisions per image, set in a config file as 'train --config'
     * would): windows of 2, 2 and 1 steps, finite losses, every counted sample counted 16 times,
     * D trained and nothing else touched.
     */
    @Test
    void reportsWindowsOfFiniteLossesAndTrainsOnlyTheDiscriminator(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("probe.json"), "{\"network\": {\"d_patch\": 4}, \"batch\": 3}");
        TrainConfig cfg = TrainConfigs.resolve(NetworkPresets.TINY, 2, file, Map.of("seed", 2L));
        TrainingSet data = twoSites(0, 1, cfg.slicing());
        StackSampler sampler = new StackSampler(data, cfg.seed(), cfg.network().latentDim());
        List<ProbeWindow> windows;
        try (StarGanV2 nets = StarGanV2.create(cfg.network(), Device.cpu(), 2);
             DiscriminatorProbe probe = new DiscriminatorProbe(cfg, nets)) {
            float[] d = weights(nets.discriminator());
            float[] g = weights(nets.generator());
            float[] m = weights(nets.mappingNetwork());
            float[] e = weights(nets.styleEncoder());
            windows = probe.run(sampler, 5, 2, DiscriminatorProbe.Listener.SILENT);
            assertThat(weights(nets.discriminator())).isNotEqualTo(d);
            assertThat(weights(nets.generator())).containsExactly(g);
            assertThat(weights(nets.mappingNetwork())).containsExactly(m);
            assertThat(weights(nets.styleEncoder())).containsExactly(e);
        }

        assertThat(windows).extracting(ProbeWindow::step).containsExactly(2L, 4L, 5L);
        assertThat(windows).extracting(ProbeWindow::steps).containsExactly(2, 2, 1);
        long counted = 0;
        for (ProbeWindow w : windows) {
            assertThat(List.of(w.dReal(), w.dFake(), w.dReg())).allMatch(Double::isFinite);
            assertThat(w.dReal()).isPositive();
            assertThat(w.dFake()).isPositive();
            assertThat(w.decisions().regions() % 16).isZero();
            counted += w.decisions().regions() / 16;
        }
        long differing = 0;
        for (long s = 0; s < 5; s++) {
            var b = sampler.batch(s, 3);
            for (int i = 0; i < 3; i++) {
                differing += b.sourceSite()[i] != b.targetSite()[i] ? 1 : 0;
            }
        }
        assertThat(counted).isEqualTo(differing).isPositive();
    }

    /**
     * The honest learning check: with strongly different sites (contrast and noise level 0 vs 6)
     * and a high lr_d, D starts near chance and within 40 steps decides clearly better than it;
     * the control, two sites drawn alike (level 0 vs 0, other volumes), stays near chance (its
     * last 20 steps in one window: enough decisions that chance is not mistaken for either side).
     */
    @Test
    void learnsToTellStronglyDifferentSitesApartButNotAlikeOnes() throws Exception {
        TrainConfig cfg = TrainConfigs.resolve(NetworkPresets.TINY, 2, null, Map.of("lr_d", 1e-3f, "batch", 8,
            "seed", 1L));

        List<ProbeWindow> different = probe(cfg, twoSites(0, 6, cfg.slicing()), 40, 10);
        List<ProbeWindow> alike = probe(cfg, twoSites(0, 0, cfg.slicing()), 40, 20);

        assertThat(different).hasSize(4);
        assertThat(different.get(0).accuracy()).isBetween(0.3, 0.7);
        assertThat(different.get(3).accuracy()).isGreaterThan(0.85);
        assertThat(alike.get(1).accuracy()).isBetween(0.35, 0.65);
    }
}
