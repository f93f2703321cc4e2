package org.mrharmony.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;

/**
 * The functional operations of the StarGAN v2 networks, as public static methods on arrays (like
 * DJL's {@code Linear.linear}), so each can be tested by hand without a block or trainer. Shapes
 * are NCHW.
 */
public final class StarGanOps {

    /** PyTorch's {@code InstanceNorm2d} default. */
    public static final float INSTANCE_NORM_EPS = 1e-5f;

    /** Negative slope of every LeakyReLU in the original. */
    public static final float LEAKY_SLOPE = 0.2f;

    private static final int[] PLANE_AXIS = {2};
    private static final float INV_SQRT2 = (float) (1.0 / Math.sqrt(2.0));

    private StarGanOps() {}

    /**
     * Instance normalisation without affine: each (sample, channel) plane is shifted to zero mean
     * and scaled to unit biased variance, {@code (x - mean) / sqrt(var + eps)}, as PyTorch's
     * {@code InstanceNorm2d} in training and evaluation alike (no running statistics).
     */
    public static NDArray instanceNorm(NDArray x, float eps) {
        Shape s = x.getShape();
        // The PyTorch engine averages over one axis at a time: flatten each plane to one axis.
        NDArray planes = x.reshape(s.get(0), s.get(1), -1);
        NDArray centred = planes.sub(planes.mean(PLANE_AXIS, true));
        NDArray variance = centred.square().mean(PLANE_AXIS, true);
        return centred.div(variance.add(eps).sqrt()).reshape(s);
    }

    /** Instance normalisation with a learned per-channel scale {@code gamma} and shift {@code beta} (both [C]). */
    public static NDArray instanceNorm(NDArray x, NDArray gamma, NDArray beta, float eps) {
        Shape perChannel = new Shape(1, x.getShape().get(1), 1, 1);
        return instanceNorm(x, eps).mul(onManagerOf(x, gamma.reshape(perChannel)))
                .add(onManagerOf(x, beta.reshape(perChannel)));
    }

    /**
     * An op on a parameter array lands on the parameters' long-lived manager; hand such a
     * temporary to the manager of the data it is used with, so it is freed with the batch.
     */
    private static NDArray onManagerOf(NDArray data, NDArray temporary) {
        temporary.attach(data.getManager());
        return temporary;
    }

    /**
     * Adaptive instance normalisation: {@code (1 + gamma) * instanceNorm(x) + beta}, with
     * {@code [gamma, beta]} the two halves of {@code styleAffine} ([N, 2C], the output of the
     * style's linear layer; first half gamma, as {@code torch.chunk}).
     */
    public static NDArray adaIn(NDArray x, NDArray styleAffine, float eps) {
        Shape xs = x.getShape();
        long n = xs.get(0);
        long c = xs.get(1);
        if (styleAffine.getShape().get(1) != 2 * c) {
            throw new IllegalArgumentException(
                    "AdaIN needs 2*C = " + 2 * c + " style values, got " + styleAffine.getShape());
        }
        NDArray h = styleAffine.reshape(n, 2 * c, 1, 1);
        NDArray gamma = h.get(":, :{}", c);
        NDArray beta = h.get(":, {}:", c);
        return instanceNorm(x, eps).mul(gamma.add(1f)).add(beta);
    }

    /** The residual blocks' output {@code (shortcut + residual) / sqrt(2)}, which keeps unit variance. */
    public static NDArray residualSum(NDArray shortcut, NDArray residual) {
        return GraphScalars.times(shortcut.add(residual), INV_SQRT2);
    }

    /** {@code F.avg_pool2d(x, 2)}: mean of each 2x2 window, odd edges dropped. */
    public static NDArray avgPool2(NDArray x) {
        Shape two = new Shape(2, 2);
        return Pool.avgPool2d(x, two, two, new Shape(0, 0), false, true);
    }

    /** {@code F.interpolate(x, scale_factor=2, mode='nearest')}: every pixel becomes a 2x2 block. */
    public static NDArray upsampleNearest2(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }

    public static NDArray leakyRelu(NDArray x) {
        return Activation.leakyRelu(x, LEAKY_SLOPE);
    }

    /**
     * Per-sample choice of a domain head: {@code perDomain[i, y[i], ...]} for every sample i, as
     * the original's {@code out[idx, y]}. {@code perDomain} is [N, K, ...], {@code y} [N] integers.
     */
    public static NDArray selectDomain(NDArray perDomain, NDArray y) {
        Shape s = perDomain.getShape();
        long n = s.get(0);
        long k = s.get(1);
        if (y.getShape().dimension() != 1 || y.getShape().get(0) != n) {
            throw new IllegalArgumentException("need one domain index per sample (" + n + "), got shape " + y.getShape());
        }
        NDArray labels = y.toType(DataType.INT64, false);
        for (long label : labels.toLongArray()) {
            if (label < 0 || label >= k) {
                throw new IllegalArgumentException("domain index " + label + " out of range [0, " + k + ")");
            }
        }
        // gather wants an index of the same rank: [N, 1, d2, ...] holding y[i] everywhere.
        long[] indexShape = s.getShape().clone();
        indexShape[1] = 1;
        long[] perSample = new long[s.dimension()];
        Arrays.fill(perSample, 1);
        perSample[0] = n;
        NDArray index = labels.reshape(perSample).broadcast(indexShape);
        return perDomain.gather(index, 1).squeeze(1);
    }
}
