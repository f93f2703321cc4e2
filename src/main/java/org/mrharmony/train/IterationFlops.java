package org.mrharmony.train;

import java.util.ArrayList;
import java.util.List;
import org.mrharmony.model.FlopCounter;
import org.mrharmony.model.NetworkConfig;

/**
 * The FLOPs of one {@link Trainer} iteration, counted from the network configuration: every
 * forward pass of a network the iteration makes, weighted by the backward work done on it.
 *
 * <p>Convention (the usual one for model FLOP utilisation): a network's forward pass costs
 * {@code F} (its conv/linear multiply-adds x 2, {@link FlopCounter}); a backward pass costs
 * {@code 2F} when the network's weights are trained in that pass (gradients of inputs and of
 * weights), {@code F} when it is frozen but gradients flow through it to its input (D in the
 * generator step, E on a translation in the reference-guided one), nothing when no gradient
 * reaches it. R1's double backprop is counted as one more backward of D on the real images
 * ({@code 2F}). Element-wise work, the optimiser and the EMA update are not counted.
 *
 * @param generator     F of G at the batch size
 * @param mappingNetwork F of M at the batch size
 * @param styleEncoder  F of E at the batch size
 * @param discriminator F of D at the batch size
 * @param passes        the iteration's passes in {@link Trainer}'s order
 */
public record IterationFlops(long generator, long mappingNetwork, long styleEncoder, long discriminator,
                             List<Pass> passes) {

    /** Which network a pass runs. */
    public enum Network { G, M, E, D }

    /** Forward only. */
    static final int FORWARD = 1;
    /** Forward, then a backward to the input through frozen weights. */
    static final int THROUGH = 2;
    /** Forward, then a backward to inputs and weights. */
    static final int TRAINED = 3;
    /** A trained D on real images plus R1's second backward. */
    static final int TRAINED_R1 = 5;

    /** One forward pass of a network and the backward work on it, in units of its forward cost. */
    public record Pass(String step, String what, Network network, int units) {
    }

    /**
     * The passes of one iteration as {@link Trainer#train} makes them.
     *
     * @param temporalCoherence whether λ_tc > 0 (one more generator pass per generator step)
     */
    public static IterationFlops of(NetworkConfig config, int batch, boolean temporalCoherence) {
        List<Pass> passes = new ArrayList<>();
        for (String guide : List.of("latent", "reference")) {
            String step = "D " + guide;
            passes.add(new Pass(step, "D(x) real + R1", Network.D, TRAINED_R1));
            passes.add(guide.equals("latent")
                ? new Pass(step, "M(z) style", Network.M, FORWARD)
                : new Pass(step, "E(ref) style", Network.E, FORWARD));
            passes.add(new Pass(step, "G(x, s) fake", Network.G, FORWARD));
            passes.add(new Pass(step, "D(fake)", Network.D, TRAINED));
        }
        for (String guide : List.of("latent", "reference")) {
            String step = "G " + guide;
            boolean latent = guide.equals("latent");
            // the latent-guided step trains M and E; the reference-guided one only G
            int styleNet = latent ? TRAINED : THROUGH;
            passes.add(latent
                ? new Pass(step, "M(z1) target style", Network.M, TRAINED)
                : new Pass(step, "E(ref1) target style", Network.E, FORWARD));
            passes.add(new Pass(step, "G(x, s1)", Network.G, TRAINED));
            passes.add(new Pass(step, "D(G(x, s1)) adversarial", Network.D, THROUGH));
            passes.add(new Pass(step, "E(G(x, s1)) style reconstruction", Network.E, styleNet));
            passes.add(latent
                ? new Pass(step, "M(z2) second style", Network.M, FORWARD)
                : new Pass(step, "E(ref2) second style", Network.E, FORWARD));
            passes.add(new Pass(step, "G(x, s2) diversity (no gradient)", Network.G, FORWARD));
            passes.add(new Pass(step, "E(x) source style", Network.E, latent ? TRAINED : FORWARD));
            passes.add(new Pass(step, "G(G(x, s1), s_org) cycle", Network.G, TRAINED));
            if (temporalCoherence) {
                passes.add(new Pass(step, "G(x_next, s1) temporal coherence", Network.G, TRAINED));
            }
        }
        return new IterationFlops(
            FlopCounter.forwardFlops(FlopCounter.generator(config), batch),
            FlopCounter.forwardFlops(FlopCounter.mappingNetwork(config), batch),
            FlopCounter.forwardFlops(FlopCounter.styleEncoder(config), batch),
            FlopCounter.forwardFlops(FlopCounter.discriminator(config), batch),
            List.copyOf(passes));
    }

    /** The forward cost F of one network at the batch size. */
    public long forward(Network network) {
        return switch (network) {
            case G -> generator;
            case M -> mappingNetwork;
            case E -> styleEncoder;
            case D -> discriminator;
        };
    }

    /** Forward-pass units of a network in the whole iteration (e.g. 22 for G with coherence). */
    public int units(Network network) {
        return passes.stream().filter(p -> p.network() == network).mapToInt(Pass::units).sum();
    }

    /** FLOPs of the whole iteration. */
    public long total() {
        long sum = 0;
        for (Pass p : passes) {
            sum += p.units() * forward(p.network());
        }
        return sum;
    }
}
