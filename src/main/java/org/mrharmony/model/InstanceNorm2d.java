package org.mrharmony.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * PyTorch's {@code InstanceNorm2d(C, affine=True)}: per-plane normalisation, then a learned
 * per-channel scale (starts at 1) and shift (starts at 0). DJL has no instance norm block.
 */
public final class InstanceNorm2d extends AbstractBlock {

    private static final byte VERSION = 1;

    private final long channels;
    private final Parameter gamma;
    private final Parameter beta;

    public InstanceNorm2d(long channels) {
        super(VERSION);
        this.channels = channels;
        gamma = addParameter(Parameter.builder()
                .setName("gamma")
                .setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels))
                .optInitializer(Initializer.ONES)
                .build());
        beta = addParameter(Parameter.builder()
                .setName("beta")
                .setType(Parameter.Type.BETA)
                .optShape(new Shape(channels))
                .optInitializer(Initializer.ZEROS)
                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (x.getShape().get(1) != channels) {
            throw new IllegalArgumentException(
                    "instance norm over " + channels + " channels got input " + x.getShape());
        }
        Device device = x.getDevice();
        NDArray g = ps.getValue(gamma, device, training);
        NDArray b = ps.getValue(beta, device, training);
        return new NDList(StarGanOps.instanceNorm(x, g, b, StarGanOps.INSTANCE_NORM_EPS));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
