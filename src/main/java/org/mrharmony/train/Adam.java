package org.mrharmony.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with L2 weight decay added to the gradient, exactly as {@code torch.optim.Adam}
 * (the optimiser StarGAN v2 uses), over one network's parameters.
 *
 * <p>Written here rather than taken from DJL's {@code Adam} because a checkpoint must hold the
 * moment estimates so that {@code --resume} continues bit-for-bit; DJL keeps them private.
 * The arithmetic is NDArray operations on the engine; nothing is computed in Java loops.
 * Gradients are zeroed after every step (PyTorch accumulates them otherwise).
 */
public final class Adam implements AutoCloseable {

    private final List<Parameter> parameters;
    private final float lr;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final NDManager stateManager;
    private long steps;

    public Adam(List<Parameter> parameters, float lr, float beta1, float beta2, float eps, float weightDecay,
                NDManager manager) {
        this.parameters = List.copyOf(parameters);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.stateManager = manager.newSubManager();
        for (Parameter p : this.parameters) {
            means.add(stateManager.zeros(p.getArray().getShape()));
            variances.add(stateManager.zeros(p.getArray().getShape()));
        }
    }

    /** Number of updates made so far (PyTorch's per-parameter {@code step}, equal for all here). */
    public long steps() {
        return steps;
    }

    /**
     * One update of every parameter. {@code gradients.get(i)} is the gradient of parameter i;
     * the trainer takes them from the per-step parameter copies of a {@code ParameterStore}
     * created with {@code copy = true} (see {@code StepParameters}), so that gradients, and the
     * graphs R1's double backprop hangs on them, die with the step instead of accumulating on
     * the long-lived weights. Must run outside a gradient collector.
     *
     * <p>An update whose gradients are not all finite is skipped (weights and moments untouched)
     * and reported by returning false, as mixed-precision loss scalers do. Why: PyTorch's CPU
     * convolution backward (oneDNN) occasionally returns NaN on this project's machines (see
     * ConvolutionBackwardSanityTest); one such update would poison the networks for good.
     *
     * @return whether the update was applied
     */
    public boolean step(List<NDArray> gradients) {
        if (gradients.size() != parameters.size()) {
            throw new IllegalArgumentException(gradients.size() + " gradients for " + parameters.size() + " parameters");
        }
        if (!allFinite(gradients)) {
            return false;
        }
        steps++;
        // StrictMath, not Math: HotSpot's Math.pow may round differently once JIT-compiled, which
        // made the first run in a JVM differ from later ones in the last bit (and --resume with it).
        double bias1 = 1 - StrictMath.pow(beta1, steps);
        double bias2 = 1 - StrictMath.pow(beta2, steps);
        float stepSize = (float) (lr / bias1);
        float sqrtBias2 = (float) Math.sqrt(bias2);
        try (NDManager scope = stateManager.newSubManager()) {
            for (int i = 0; i < parameters.size(); i++) {
                NDArray w = parameters.get(i).getArray();
                NDArray g = scoped(scope, gradients.get(i).duplicate());
                if (weightDecay != 0) {
                    g = g.addi(scoped(scope, w.mul(weightDecay)));
                }
                NDArray m = means.get(i);
                NDArray v = variances.get(i);
                m.muli(beta1).addi(g.mul(1 - beta1));
                v.muli(beta2).addi(g.square().muli(1 - beta2));
                NDArray denom = scoped(scope, v.sqrt()).divi(sqrtBias2).addi(eps);
                NDArray update = scoped(scope, m.div(denom)).muli(stepSize);
                w.subi(update);
            }
        }
        return true;
    }

    /** One reduction per gradient, one host sync in all. */
    static boolean allFinite(List<NDArray> gradients) {
        if (gradients.isEmpty()) {
            return true;
        }
        NDManager scope = gradients.get(0).getManager().newSubManager();
        try (scope) {
            NDArray total = null;
            for (NDArray g : gradients) {
                NDArray s = g.abs().sum();
                s.attach(scope);
                total = total == null ? s : total.add(s);
            }
            return Float.isFinite(total.getFloat());
        }
    }

    /** One update from the gradients accumulated on the parameters themselves, which are then zeroed. */
    public void step() {
        List<NDArray> grads = new ArrayList<>();
        for (Parameter p : parameters) {
            grads.add(p.getArray().getGradient());
        }
        step(grads); // a non-finite gradient is skipped here as in step(List)
        for (NDArray g : grads) {
            g.close();
        }
        zeroGradients();
    }

    /** Zeroes the gradients without updating (e.g. after R1's first backward pass). */
    public void zeroGradients() {
        for (Parameter p : parameters) {
            zeroGradient(p.getArray());
        }
    }

    static void zeroGradient(NDArray weight) {
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    private static NDArray scoped(NDManager scope, NDArray a) {
        a.attach(scope);
        return a;
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        out.writeInt(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            writeArray(out, means.get(i));
            writeArray(out, variances.get(i));
        }
    }

    public void load(DataInputStream in) throws IOException {
        long savedSteps = in.readLong();
        int n = in.readInt();
        if (n != parameters.size()) {
            throw new IOException("optimiser state has " + n + " parameters, the network has " + parameters.size());
        }
        for (int i = 0; i < n; i++) {
            means.set(i, readArrayLike(in, means.get(i))).close();
            variances.set(i, readArrayLike(in, variances.get(i))).close();
        }
        steps = savedSteps;
    }

    private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
        float[] values = a.toFloatArray();
        out.writeInt(values.length);
        for (float f : values) {
            out.writeFloat(f);
        }
    }

    /**
     * The next saved array, shaped as {@code like}, in storage libtorch owns. An array made from
     * Java data (or filled by {@code set}) computes on a Java direct buffer that only its own
     * wrapper keeps alive; the moments are updated in place for the whole run, so they get a
     * clone that depends on no Java object (suspected cause of a rare resume mismatch).
     */
    private NDArray readArrayLike(DataInputStream in, NDArray like) throws IOException {
        int n = in.readInt();
        if (n != like.size()) {
            throw new IOException("optimiser state size " + n + " does not match parameter size " + like.size());
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        try (NDArray fromJava = stateManager.create(values, like.getShape())) {
            return fromJava.duplicate();
        }
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
