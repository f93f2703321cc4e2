package org.mrharmony.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code torch.autograd.grad(out.sum(), x, create_graph=True)}: the gradient of a network's
 * output with respect to its input, itself differentiable (double backprop, for R1).
 *
 * <p>DJL exposes only {@code backward()}, which would store graph-carrying gradients in the
 * {@code .grad} of every leaf (parameters and input): reference cycles that PyTorch frees only
 * when {@code .grad} is reset to None, which DJL cannot do — measured as a native-memory leak of
 * about 10 MB per step. So the call runs inside a tiny TorchScript module (built once by
 * {@code tools/make_r1_gradient_module.py}, shipped as a resource) that uses
 * {@code torch.autograd.grad}, which touches no {@code .grad} field. The arithmetic stays
 * PyTorch's autograd; nothing is differentiated by our code.
 */
public final class InputGradient implements AutoCloseable {

    static final String RESOURCE = "r1_input_gradient.pt";

    private final PtSymbolBlock module;
    private final NDManager manager;

    public InputGradient(NDManager parent) {
        this.manager = parent.newSubManager();
        try (InputStream in = InputGradient.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " (rebuild the jar)");
            }
            this.module = JniUtils.loadModule((PtNDManager) manager, in, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + RESOURCE, e);
        }
    }

    /**
     * dsum(out)/dx with its graph kept, so a loss built from it can be back-propagated to the
     * parameters that produced {@code out}. {@code x} must require gradients and {@code out} must
     * have been computed from it inside a gradient collector.
     */
    public NDArray of(NDArray out, NDArray x) {
        // The JIT's profiling executor would swap this graph's plan after its first calls; a freshly
        // loaded module (after --resume) must compute exactly as a long-running one. One autograd call:
        // there is nothing to optimise anyway. (Thread-local flag, hence set on every call.)
        JniUtils.setGraphExecutorOptimize(false);
        NDList result = module.forward(new ParameterStore(out.getManager(), false), new NDList(out, x), true);
        NDArray g = result.singletonOrThrow();
        g.attach(out.getManager());
        return g;
    }

    @Override
    public void close() {
        module.close();
        manager.close();
    }
}
