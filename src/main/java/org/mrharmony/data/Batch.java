package org.mrharmony.data;

/**
 * One StarGAN v2 training batch of 2.5D stacks, as flat float arrays in (batch, channels,
 * height, width) order, ready to become NDArrays.
 *
 * @param source       stacks X_k from their own sites
 * @param sourceNext   the overlapping stacks X_{k+1} (same volume and crop, one slice on): temporal coherence
 * @param sourceSite   domain label of each source
 * @param targetSite   random target domain of each sample
 * @param reference    a stack from the target site (reference-guided style)
 * @param reference2   a second one (style diversification in the reference-guided pass)
 * @param latent       random latent codes z (batch, latentDim)
 * @param latent2      second latent codes
 */
public record Batch(int size, int channels, int patch, int latentDim,
                    float[] source, float[] sourceNext, int[] sourceSite, int[] targetSite,
                    float[] reference, float[] reference2, float[] latent, float[] latent2) {
}
