package org.mrharmony.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import org.mrharmony.model.GraphScalars;
import org.mrharmony.model.StarGanOps;

/**
 * The loss terms of StarGAN v2 plus the temporal coherence loss, as public static functions
 * of NDArrays so each can be checked against a hand-computed value without a trainer.
 * All return scalar NDArrays attached to the first argument's manager.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * Non-saturating logistic adversarial loss: binary cross-entropy of {@code logits} against a
     * constant target 1 (real) or 0 (fake), averaged — {@code F.binary_cross_entropy_with_logits}.
     * BCE(x, 1) = softplus(-x), BCE(x, 0) = softplus(x).
     */
    public static NDArray adversarial(NDArray logits, boolean real) {
        NDArray arg = real ? logits.neg() : logits;
        return Activation.softPlus(arg).mean();
    }

    /**
     * R1 gradient penalty (Mescheder et al. 2018) on real images: {@code 0.5 * mean over the
     * batch of ||dD(x)/dx||^2}, differentiable with respect to the discriminator's parameters
     * (double backprop). {@code realImages} must have had gradients attached before
     * {@code dOut = D(realImages)} was computed, inside a gradient collector.
     *
     * <p>A patch discriminator's output [N, P*P] enters as each sample's mean decision, so γ
     * weighs the same per-sample quantity as with one decision per image (summing the regions
     * would scale the penalty by the square of their number).
     */
    public static NDArray r1(InputGradient inputGradient, NDArray dOut, NDArray realImages) {
        long batch = realImages.getShape().get(0);
        NDArray perSampleOut = dOut.getShape().dimension() > 1 ? dOut.reshape(batch, -1).mean(new int[] {1}) : dOut;
        NDArray grad = inputGradient.of(perSampleOut, realImages);
        NDArray perSample = grad.square().reshape(batch, -1).sum(new int[] {1});
        return GraphScalars.times(perSample.mean(), 0.5f);
    }

    /**
     * Site classification over the discriminator's heads: cross-entropy of the softmax over the
     * K sites' logits {@code all} [N, K] or [N, K, R] (R regions of a patch discriminator, each
     * classified) against site {@code y} [N], averaged over samples and regions. Why: the
     * adversarial loss gives each sample's image a signal on one head only (its own site's, or
     * the target's), so D learned the sites only slowly (docs/BENCHMARKS.md, "Discriminator
     * probe"); the softmax tells every head about every image — as StarGAN (v1) trains its
     * domain classifier on real images and its generator to be classified as the target.
     */
    public static NDArray siteCrossEntropy(NDArray all, NDArray y) {
        NDArray logProbabilities = all.logSoftmax(1);
        return StarGanOps.selectDomain(logProbabilities, y).mean().neg();
    }

    /** Mean absolute difference: the L1 losses (style reconstruction, cycle, diversity). */
    public static NDArray l1(NDArray a, NDArray b) {
        return a.sub(b).abs().mean();
    }

    /**
     * Temporal coherence, overlap form (ours; METHOD.md): two stacks of the same volume one slice
     * apart, {@code X_k = [k-1, k, k+1]} and {@code X_{k+1} = [k, k+1, k+2]}, translated with the same
     * style. Channels that show the same slice must agree:
     * {@code mean |G(X_k)[:, 1:] - G(X_{k+1})[:, :-1]|}. Inputs are (batch, C, H, W).
     */
    public static NDArray temporalCoherenceOverlap(NDArray translatedK, NDArray translatedNext) {
        long c = translatedK.getShape().get(1);
        NDArray a = translatedK.get(new NDIndex(":, 1:"));
        NDArray b = translatedNext.get(new NDIndex(":, :{}", c - 1));
        return l1(a, b);
    }

    /**
     * Temporal coherence, difference form (configurable alternative): the change between the two
     * translated stacks must equal the change between the inputs,
     * {@code mean |(G(X_{k+1}) - G(X_k)) - (X_{k+1} - X_k)|}.
     */
    public static NDArray temporalCoherenceDifference(NDArray translatedK, NDArray translatedNext,
                                                      NDArray inputK, NDArray inputNext) {
        return translatedNext.sub(translatedK).sub(inputNext.sub(inputK)).abs().mean();
    }

    /** Diversity-sensitive loss weight, decaying linearly from its initial value to 0 over {@code decaySteps}. */
    public static float diversityWeight(float initial, long step, long decaySteps) {
        if (decaySteps <= 0) {
            return initial;
        }
        return (float) Math.max(0.0, initial * (1.0 - (double) step / decaySteps));
    }
}
