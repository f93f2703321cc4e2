package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mrharmony.model.FlopCounter;
import org.mrharmony.model.NetworkConfig;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.train.IterationFlops.Network;

class IterationFlopsTest {

    private static final NetworkConfig TINY = NetworkPresets.named(NetworkPresets.TINY, 2);

    /**
     * Forward units counted by hand from Trainer's code (1 forward, 2 forward + backward through
     * frozen weights, 3 forward + backward with weight gradients, +2 for R1 on D's real images):
     * D: 2 x (real 5 + fake 3) + 2 x adversarial 2 = 20. G: 2 x 1 in the D steps; per G step
     * s1 3 + s2 1 + cycle 3 + coherence 3 = 10. E: 1 (D reference); latent G step 3 + 3;
     * reference G step 1 + 2 + 1 + 1. M: 1 (D latent) + 3 + 1.
     */
    @Test
    void passesOfOneIterationGiveTheHandCountedUnits() {
        IterationFlops f = IterationFlops.of(TINY, 4, true);

        assertThat(f.units(Network.D)).isEqualTo(20);
        assertThat(f.units(Network.G)).isEqualTo(22);
        assertThat(f.units(Network.E)).isEqualTo(12);
        assertThat(f.units(Network.M)).isEqualTo(5);
        assertThat(f.passes()).hasSize(8 + 2 * 9);
    }

    @Test
    void withoutCoherenceEachGeneratorStepLosesOneTrainedGeneratorPass() {
        IterationFlops with = IterationFlops.of(TINY, 4, true);
        IterationFlops without = IterationFlops.of(TINY, 4, false);

        assertThat(without.units(Network.G)).isEqualTo(22 - 2 * 3);
        assertThat(with.total() - without.total()).isEqualTo(2 * 3 * with.generator());
    }

    @Test
    void totalIsTheUnitsTimesEachNetworksForwardCostAtTheBatch() {
        IterationFlops f = IterationFlops.of(TINY, 4, true);
        long g = FlopCounter.forwardFlops(FlopCounter.generator(TINY), 4);
        long m = FlopCounter.forwardFlops(FlopCounter.mappingNetwork(TINY), 4);
        long e = FlopCounter.forwardFlops(FlopCounter.styleEncoder(TINY), 4);
        long d = FlopCounter.forwardFlops(FlopCounter.discriminator(TINY), 4);

        assertThat(f.total()).isEqualTo(22 * g + 5 * m + 12 * e + 20 * d);
        assertThat(IterationFlops.of(TINY, 8, true).total()).isEqualTo(2 * f.total());
    }
}
