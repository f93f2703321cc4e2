package org.mrharmony.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.Arrays;

/**
 * The arithmetic speed this process gets from the engine on one large convolution — the best
 * case for the hardware — so that a training iteration's speed can be stated as a fraction of it
 * (model FLOP utilisation). A 3x3 convolution, {@code channels -> channels}, padding 1, on a
 * {@code batch x channels x size x size} input, forward and backward (gradients of input and
 * weights): {@code 3 x 2 x batch x channels^2 x 9 x size^2} FLOPs per repetition.
 */
public final class ConvolutionThroughput {

    private static final int KERNEL = 3;

    private ConvolutionThroughput() {
    }

    /**
     * @param seconds wall time of each timed repetition (after one untimed warm-up)
     */
    public record Result(int batch, int channels, int size, long flopsPerRepetition, double[] seconds) {

        public double bestSeconds() {
            return Arrays.stream(seconds).min().orElseThrow();
        }

        public double medianSeconds() {
            double[] s = seconds.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        /** GFLOP/s of the fastest repetition: the least disturbed one on a shared machine. */
        public double bestGflops() {
            return flopsPerRepetition / bestSeconds() / 1e9;
        }

        public double medianGflops() {
            return flopsPerRepetition / medianSeconds() / 1e9;
        }
    }

    /** FLOPs of one forward + backward repetition. */
    public static long flops(int batch, int channels, int size) {
        return 3L * 2 * batch * channels * channels * KERNEL * KERNEL * size * size;
    }

    /** Times {@code repetitions} forward + backward passes after one warm-up pass. */
    public static Result measure(Device device, int batch, int channels, int size, int repetitions) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, got " + repetitions);
        }
        double[] seconds = new double[repetitions];
        try (NDManager m = NDManager.newBaseManager(device)) {
            NDArray x = m.randomUniform(-1, 1, new Shape(batch, channels, size, size));
            NDArray w = m.randomNormal(0, 0.05f, new Shape(channels, channels, KERNEL, KERNEL),
                ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray b = m.zeros(new Shape(channels));
            for (int i = -1; i < repetitions; i++) {
                long t0 = System.nanoTime();
                once(m, x, w, b);
                if (i >= 0) {
                    seconds[i] = (System.nanoTime() - t0) / 1e9;
                }
            }
        }
        return new Result(batch, channels, size, flops(batch, channels, size), seconds);
    }

    private static void once(NDManager parent, NDArray x, NDArray w, NDArray b) {
        try (NDManager m = parent.newSubManager()) {
            NDArray xi = x.duplicate();
            NDArray wi = w.duplicate();
            xi.attach(m);
            wi.attach(m);
            xi.setRequiresGradient(true);
            wi.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = Conv2d.conv2d(xi, wi, b, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).head();
                gc.backward(y.sum());
            }
            // reading the gradients waits for them (the engine may return before it is done)
            xi.getGradient().getFloat(0, 0, 0, 0);
            wi.getGradient().getFloat(0, 0, 0, 0);
        }
    }
}
