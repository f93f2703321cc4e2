package org.mrharmony.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The discriminator D(x, y) of the original code ({@code Discriminator}): the
 * {@link DownsamplingTrunk}, then {@code conv1x1(width -> K)} giving one real/fake logit per site;
 * sample i keeps logit {@code y[i]}. Inputs: x [N, C, img_size, img_size] (exactly the configured
 * size), y [N] integers; output [N].
 *
 * <p>As a patch discriminator ({@link NetworkConfig#dPatch()} = P > 0) the trunk stops at P x P
 * and the 1x1 convolution gives a logit per site at every position: output [N, P*P], one
 * decision per region (the losses average over them).
 *
 * <p>The forward pass also returns every site's logits [N, K, decisions] (second output), for the
 * optional site-classification loss over the heads ({@code lambda_cls}).
 */
public final class Discriminator extends StarGanNetwork {

    private static final byte VERSION = 1;

    private final DownsamplingTrunk shared;
    private final Conv2d logits;

    public Discriminator(NetworkConfig config) {
        super(VERSION, config);
        shared = addChildBlock("shared",
            new DownsamplingTrunk(config, config.discriminatorDownsamplings(), config.dPatch() == 0));
        logits = addChildBlock("logits", Layers.conv1x1(config.numDomains(), true));
    }

    /** D(x, y): one logit per sample [N], or per sample and region [N, P*P] (patch discriminator). */
    public NDArray logit(ParameterStore ps, NDArray x, NDArray y, boolean training) {
        return decide(ps, x, y, training).chosen();
    }

    /** D(x, y) and, from the same pass, the logits of every site's head. */
    public Decisions decide(ParameterStore ps, NDArray x, NDArray y, boolean training) {
        NDList out = forward(ps, new NDList(x, y), training);
        return new Decisions(out.get(0), out.get(1));
    }

    /**
     * @param chosen the logit of each sample's site y: [N], or [N, P*P] for a patch discriminator
     * @param all    every site's logit: [N, K, 1], or [N, K, P*P]
     */
    public record Decisions(NDArray chosen, NDArray all) {
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = Layers.run(shared, ps, inputs.get(0), training);
        NDArray out = Layers.run(logits, ps, h, training);
        long n = out.getShape().get(0);
        NDArray all = out.reshape(n, config.numDomains(), -1);
        NDArray selected = StarGanOps.selectDomain(all, inputs.get(1));
        return new NDList(config.dPatch() == 0 ? selected.reshape(n) : selected.reshape(n, -1), all);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType type, Shape... inputShapes) {
        Shape h = Layers.init(shared, manager, type, inputShapes[0]);
        logits.initialize(manager, type, h);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        int decisions = config.discriminatorDecisions();
        return new Shape[] {config.dPatch() == 0 ? new Shape(n) : new Shape(n, decisions),
            new Shape(n, config.numDomains(), decisions)};
    }

    @Override
    public Shape[] inputShapes(long batch) {
        int size = config.imgSize();
        return new Shape[] {new Shape(batch, config.inChannels(), size, size), new Shape(batch)};
    }
}
